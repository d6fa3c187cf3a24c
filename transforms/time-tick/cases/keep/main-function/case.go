// time.Tick in main: the ticker lives as long as the process, which is what main wants.
package main

import (
	"fmt"
	"time"
)

func main() {
	n := 0
	for range time.Tick(time.Millisecond) {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("ticks:", n)
}
