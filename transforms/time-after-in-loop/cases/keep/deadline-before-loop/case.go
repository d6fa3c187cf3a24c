// One time.After before the loop is a deadline for the whole loop: a single timer.
package main

import (
	"fmt"
	"time"
)

func drain(in <-chan int, limit time.Duration) int {
	deadline := time.After(limit)
	total := 0
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return total
			}
			total += v
		case <-deadline:
			return total
		}
	}
}

func exercise() {
	in := make(chan int)
	go func() {
		for i := 0; i < 1000; i++ {
			in <- 1
		}
		close(in)
	}()
	fmt.Println("total:", drain(in, time.Minute))
}
