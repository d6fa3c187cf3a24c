// On timeout the channel is also handed to discardLate, a call other than the
// goroutine, which receives the late value. The rule cannot see into that call.
package main

import (
	"fmt"
	"time"
)

func discardLate(results <-chan int) {
	go func() {
		<-results
	}()
}

func measure(name string, delay time.Duration) int {
	time.Sleep(delay)
	return len(name)
}

func measureWithin(name string, wait, delay time.Duration) (int, error) {
	results := make(chan int)
	go func() {
		results <- measure(name, delay)
	}()

	select {
	case n := <-results:
		return n, nil
	case <-time.After(wait):
		discardLate(results)
		return 0, fmt.Errorf("measure %s: timed out", name)
	}
}

func exercise() {
	for _, name := range []string{"alpha", "beta", "gamma"} {
		fmt.Println(measureWithin(name, 2*time.Millisecond, 20*time.Millisecond))
	}
}
