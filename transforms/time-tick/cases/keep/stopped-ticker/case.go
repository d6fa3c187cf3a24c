// The fixed shape: a ticker made with NewTicker and stopped on return.
package main

import (
	"fmt"
	"time"
)

func poll(done <-chan struct{}) int {
	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	polls := 0
	for {
		select {
		case <-ticker.C:
			polls++
		case <-done:
			return polls
		}
	}
}

func exercise() {
	done := make(chan struct{})
	close(done)
	fmt.Println("polls:", poll(done))
}
