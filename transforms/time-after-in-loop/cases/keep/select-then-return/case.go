// On interrupt, the loop sends a close message and waits a moment for the peer before
// it returns. The inner select runs once, because a return follows it.
package main

import (
	"fmt"
	"time"
)

func pump(done, interrupt <-chan struct{}, ticks <-chan int) int {
	sent := 0
	for {
		select {
		case <-done:
			return sent
		case <-ticks:
			sent++
		case <-interrupt:
			select {
			case <-done:
			case <-time.After(time.Second):
			}
			return sent
		}
	}
}

func exercise() {
	done := make(chan struct{})
	interrupt := make(chan struct{})
	close(done)
	fmt.Println("sent:", pump(done, interrupt, nil))
}
