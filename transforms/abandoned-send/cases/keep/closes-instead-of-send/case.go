// The goroutine signals completion by closing the channel, and close does not
// block, so an abandoned channel leaks nothing. A buffer would change nothing.
package main

import (
	"fmt"
	"time"
)

func rebuildCache(delay time.Duration) {
	time.Sleep(delay)
}

func rebuildWithin(wait, delay time.Duration) error {
	done := make(chan struct{})
	go func() {
		rebuildCache(delay)
		close(done)
	}()

	select {
	case <-done:
		return nil
	case <-time.After(wait):
		return fmt.Errorf("rebuild cache: still running after %v", wait)
	}
}

func exercise() {
	for i := 0; i < 3; i++ {
		fmt.Println(rebuildWithin(2*time.Millisecond, 20*time.Millisecond))
	}
}
