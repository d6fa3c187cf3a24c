// A collector counts messages until none arrives for a while and leaves its loop with
// a labeled break. Messages come far faster than the timeout, so each leaves a timer.
package main

import (
	"fmt"
	"time"
)

func collect(messages <-chan string, idle time.Duration) int {
	count := 0
gather:
	for {
		select {
		case m, ok := <-messages:
			if !ok {
				break gather
			}
			count += len(m)
		case <-time.After(idle):
			break gather
		}
	}
	return count
}

func exercise() {
	messages := make(chan string)
	go func() {
		for i := 0; i < 100000; i++ {
			messages <- "m"
		}
		close(messages)
	}()
	fmt.Println("collected:", collect(messages, time.Hour))
}
