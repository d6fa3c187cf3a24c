// The channel is read by a goroutine that goes on after the function returns, so
// stopping the ticker at return would stop that goroutine's ticks.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func startCounter(count *atomic.Int64, done <-chan struct{}) {
	tick := time.Tick(time.Millisecond)
	go func() {
		for {
			select {
			case <-tick:
				count.Add(1)
			case <-done:
				return
			}
		}
	}()
}

func exercise() {
	var count atomic.Int64
	done := make(chan struct{})
	startCounter(&count, done)
	time.Sleep(5 * time.Millisecond)
	close(done)
	fmt.Println("counted:", count.Load() > 0)
}
