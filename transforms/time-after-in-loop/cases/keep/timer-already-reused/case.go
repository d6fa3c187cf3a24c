// The fixed shape: one timer, stopped, drained and reset on every iteration.
package main

import (
	"fmt"
	"time"
)

func count(in <-chan int, idle time.Duration) int {
	timer := time.NewTimer(idle)
	defer timer.Stop()
	n := 0
	for {
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(idle)
		select {
		case _, ok := <-in:
			if !ok {
				return n
			}
			n++
		case <-timer.C:
			return n
		}
	}
}

func exercise() {
	in := make(chan int)
	go func() {
		for i := 0; i < 1000; i++ {
			in <- i
		}
		close(in)
	}()
	fmt.Println("count:", count(in, time.Minute))
}
