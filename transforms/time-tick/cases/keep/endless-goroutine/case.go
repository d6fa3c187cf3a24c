// The goroutine ranges over the ticks forever and never returns, so its one ticker
// is meant to live for the whole process.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var reports atomic.Int64

func startReporter() {
	go func() {
		for range time.Tick(time.Minute) {
			reports.Add(1)
		}
	}()
}

func exercise() {
	startReporter()
	fmt.Println("reports:", reports.Load())
}
