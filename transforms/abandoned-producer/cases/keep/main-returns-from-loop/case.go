// main is the consumer. Returning from main ends the process, so the blocked
// producer cannot outlive it.
package main

import (
	"fmt"
	"os"
)

func main() {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, arg := range os.Args {
			ch <- arg
		}
	}()
	for arg := range ch {
		if arg == "--" {
			return
		}
		fmt.Println(len(arg) > 0)
	}
}
