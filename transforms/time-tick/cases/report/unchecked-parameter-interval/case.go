// The interval is a parameter that nothing checks, and time.NewTicker panics for a
// non-positive interval where time.Tick returned nil.
package main

import (
	"fmt"
	"time"
)

func poll(interval time.Duration, done <-chan struct{}) int {
	tick := time.Tick(interval)
	polls := 0
	for {
		select {
		case <-tick:
			polls++
		case <-done:
			return polls
		}
	}
}

func exercise() {
	done := make(chan struct{})
	close(done)
	fmt.Println(poll(0, done), poll(time.Hour, done))
}
