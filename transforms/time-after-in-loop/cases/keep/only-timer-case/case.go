// A select whose only case is the timer waits for it every time, so each timer fires
// before the next one starts.
package main

import (
	"fmt"
	"time"
)

func beat(n int, interval time.Duration) int {
	beats := 0
	for i := 0; i < n; i++ {
		select {
		case <-time.After(interval):
			beats++
		}
	}
	return beats
}

func exercise() {
	fmt.Println("beats:", beat(3, time.Millisecond))
}
