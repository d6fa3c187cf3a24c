// The channel is assigned to a package-level variable that other code receives
// from after the timeout. The channel escapes the function, so the rule leaves it.
package main

import (
	"fmt"
	"time"
)

var pendingSnapshot chan int

func takeSnapshot(id int, delay time.Duration) int {
	time.Sleep(delay)
	return id * 10
}

func snapshot(id int, wait, delay time.Duration) (int, error) {
	snapshots := make(chan int)
	pendingSnapshot = snapshots
	go func() {
		snapshots <- takeSnapshot(id, delay)
	}()

	select {
	case size := <-snapshots:
		pendingSnapshot = nil
		return size, nil
	case <-time.After(wait):
		return 0, fmt.Errorf("snapshot %d: still running", id)
	}
}

// collectPending waits for the snapshot that snapshot gave up on, if any.
func collectPending() int {
	if pendingSnapshot == nil {
		return -1
	}
	size := <-pendingSnapshot
	pendingSnapshot = nil
	return size
}

func exercise() {
	for id := 1; id <= 3; id++ {
		fmt.Println(snapshot(id, 2*time.Millisecond, 20*time.Millisecond))
		fmt.Println(collectPending())
	}
}
