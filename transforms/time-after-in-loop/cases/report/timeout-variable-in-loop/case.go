// The timer channel is kept in a variable made on every iteration; the select that
// reads it has a case that continues.
package main

import (
	"fmt"
	"time"
)

func relay(in <-chan string, out chan<- string, limit time.Duration) int {
	relayed := 0
	for {
		timeout := time.After(limit)
		select {
		case s, ok := <-in:
			if !ok {
				return relayed
			}
			out <- s
			relayed++
		case <-timeout:
			return relayed
		}
	}
}

func exercise() {
	in := make(chan string)
	close(in)
	fmt.Println(relay(in, make(chan string), time.Minute))
}
