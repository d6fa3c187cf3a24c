// The goroutine sends once and the receiver can leave first. That is the shape of
// abandoned-send, silenced here, which buffers the channel; this rule needs sends
// in a loop.
package main

import (
	"fmt"
	"time"
)

func fetch(delay time.Duration) string {
	ch := make(chan string) //goleakfix:ignore abandoned-send
	go func() {
		time.Sleep(delay)
		ch <- "result"
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Millisecond):
		return "timeout"
	}
}

func exercise() {
	fmt.Println(fetch(time.Millisecond))
}
