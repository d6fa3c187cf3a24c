// The author knows the loop runs rarely and silenced the finding.
package main

import (
	"fmt"
	"time"
)

func wait(in <-chan int, idle time.Duration) int {
	n := 0
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return n
			}
			n++
		case <-time.After(idle): //goleakfix:ignore time-after-in-loop // at most a few values
			return n
		}
	}
}

func exercise() {
	in := make(chan int, 2)
	in <- 1
	in <- 2
	close(in)
	fmt.Println("n:", wait(in, time.Minute))
}
