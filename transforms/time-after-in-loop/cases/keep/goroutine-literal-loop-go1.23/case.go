// A pipeline stage runs in a goroutine literal and gives up when its input stalls.
// Values flow far faster than the stall limit, so each value leaves a timer.
package main

import (
	"fmt"
	"time"
)

func startStage(in <-chan int, out chan<- int, stall time.Duration) {
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				out <- v * 2
			case <-time.After(stall):
				return
			}
		}
	}()
}

func exercise() {
	in := make(chan int)
	out := make(chan int)
	startStage(in, out, time.Minute)
	go func() {
		for i := 0; i < 100000; i++ {
			in <- 1
		}
		close(in)
	}()
	total := 0
	for v := range out {
		total += v
	}
	fmt.Println("total:", total)
}
