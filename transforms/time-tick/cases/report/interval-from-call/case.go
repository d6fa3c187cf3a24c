// The interval comes from a call, which could return a non-positive value.
package main

import (
	"fmt"
	"time"
)

type config struct{ seconds int }

func (c config) interval() time.Duration { return time.Duration(c.seconds) * time.Second }

func watch(c config, done <-chan struct{}) int {
	checks := 0
	for range time.Tick(c.interval()) {
		checks++
		select {
		case <-done:
			return checks
		default:
		}
	}
	return checks
}

func exercise() {
	done := make(chan struct{})
	close(done)
	fmt.Println(watch(config{seconds: 0}, done) >= 0)
}
