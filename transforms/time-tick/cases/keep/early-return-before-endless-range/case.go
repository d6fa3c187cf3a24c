// The goroutine returns early when throttling is off; otherwise it ranges over the
// ticks for the rest of the process. No path returns after time.Tick runs.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func startRefill(enabled bool, interval time.Duration, balance *atomic.Int64) {
	go func() {
		if !enabled {
			return
		}
		for range time.Tick(interval) {
			balance.Add(1)
		}
	}()
}

func exercise() {
	var balance atomic.Int64
	startRefill(false, time.Second, &balance)
	fmt.Println("balance:", balance.Load())
}
