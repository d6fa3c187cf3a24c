// The timer case continues and the other case breaks out of the labeled loop, so a
// timer is abandoned only when the loop ends.
package main

import (
	"fmt"
	"time"
)

func tickUntil(stop <-chan struct{}, every time.Duration) int {
	ticks := 0
run:
	for {
		select {
		case <-stop:
			break run
		case <-time.After(every):
			ticks++
		}
	}
	return ticks
}

func exercise() {
	stop := make(chan struct{})
	close(stop)
	fmt.Println("ticks:", tickUntil(stop, time.Minute))
}
