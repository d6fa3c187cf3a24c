// The wait grows after every message, so the duration read before the loop would
// differ from the one in later iterations.
package main

import (
	"fmt"
	"time"
)

func backoffReader(in <-chan int) int {
	wait := time.Second
	n := 0
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return n
			}
			n++
			wait *= 2
		case <-time.After(wait):
			return n
		}
	}
}

func exercise() {
	in := make(chan int)
	close(in)
	fmt.Println(backoffReader(in))
}
