// A watcher rejects a non-positive interval before it calls time.Tick, so
// time.NewTicker cannot panic where time.Tick returned nil.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errInterval = errors.New("interval must be positive")

func watch(interval time.Duration, stop <-chan struct{}, probe func() bool) (int, error) {
	if interval <= 0 {
		return 0, errInterval
	}
	tick := time.Tick(interval)
	healthy := 0
	for {
		select {
		case <-tick:
			if probe() {
				healthy++
			}
		case <-stop:
			return healthy, nil
		}
	}
}

func exercise() {
	stop := make(chan struct{})
	close(stop)
	for i := 0; i < 100000; i++ {
		if _, err := watch(time.Minute, stop, func() bool { return true }); err != nil {
			fmt.Println(err)
		}
	}
	_, err := watch(0, stop, nil)
	fmt.Println("zero interval:", err)
}
