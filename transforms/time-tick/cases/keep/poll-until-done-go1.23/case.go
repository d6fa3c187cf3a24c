// A poller counts ticks until it is told to stop, then returns. Before Go 1.23 the
// ticker behind time.Tick is never freed, so every call leaves one behind.
package main

import (
	"fmt"
	"time"
)

func poll(done <-chan struct{}, check func()) int {
	tick := time.Tick(time.Hour)
	polls := 0
	for {
		select {
		case <-tick:
			check()
			polls++
		case <-done:
			return polls
		}
	}
}

func exercise() {
	done := make(chan struct{})
	close(done)
	total := 0
	for i := 0; i < 100000; i++ {
		total += poll(done, func() {})
	}
	fmt.Println("polls:", total)
}
