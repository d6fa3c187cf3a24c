// A gatherer waits for n results, each within two minutes. Results come quickly, so
// each one leaves a two-minute timer behind.
package main

import (
	"fmt"
	"time"
)

func gather(results <-chan int, n int) (int, error) {
	total := 0
	for i := 0; i < n; i++ {
		select {
		case r := <-results:
			total += r
		case <-time.After(2 * time.Minute):
			return total, fmt.Errorf("result %d of %d timed out", i+1, n)
		}
	}
	return total, nil
}

func exercise() {
	results := make(chan int)
	go func() {
		for i := 0; i < 100000; i++ {
			results <- 3
		}
	}()
	fmt.Println(gather(results, 100000))
}
