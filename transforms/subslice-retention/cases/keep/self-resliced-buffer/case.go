// A result slice sized for n items is cut back to the items that arrived before the
// timeout and returned. Trimming a variable's own buffer keeps what it was made for.
package main

import (
	"fmt"
	"time"
)

func collect(results <-chan int, n int, wait time.Duration) []int {
	got := make([]int, n)
	timeout := time.After(wait)
	for i := 0; i < n; i++ {
		select {
		case got[i] = <-results:
		case <-timeout:
			got = got[:i]
			return got
		}
	}
	return got
}

func exercise() {
	results := make(chan int, 2)
	results <- 1
	results <- 2
	fmt.Println(collect(results, 3, 10*time.Millisecond))
}
