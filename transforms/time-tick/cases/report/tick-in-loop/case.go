// time.Tick in the select of a loop starts a new ticker on every iteration.
package main

import (
	"fmt"
	"time"
)

func relay(in <-chan int, out chan<- int) int {
	idle := 0
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return idle
			}
			out <- v
		case <-time.Tick(time.Minute):
			idle++
		}
	}
}

func exercise() {
	in := make(chan int)
	close(in)
	fmt.Println(relay(in, make(chan int)))
}
