// A goroutine literal ticks until its done channel closes and then returns, so its
// ticker is left behind once per goroutine.
package main

import (
	"fmt"
	"sync"
	"time"
)

func heartbeat(wg *sync.WaitGroup, done <-chan struct{}, beats *int) {
	go func() {
		defer wg.Done()
		beat := time.Tick(time.Minute)
		for {
			select {
			case <-beat:
				*beats++
			case <-done:
				return
			}
		}
	}()
}

// exercise starts 100,000 heartbeats, 1,000 at a time, each of which stops at once.
func exercise() {
	done := make(chan struct{})
	close(done)
	beats := make([]int, 1000)
	for round := 0; round < 100; round++ {
		var wg sync.WaitGroup
		for i := range beats {
			wg.Add(1)
			heartbeat(&wg, done, &beats[i])
		}
		wg.Wait()
	}
	fmt.Println("beats:", beats[0])
}
