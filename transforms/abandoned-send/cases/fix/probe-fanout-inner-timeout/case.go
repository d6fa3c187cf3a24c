// Shape: N probe goroutines started in a loop, each starting an inner goroutine.
// The outer results channel is correctly buffered; the inner one is not and
// leaks whenever the per-probe time.After wins.
package main

import (
	"errors"
	"fmt"
	"time"
)

type healthProbe struct {
	fetch   func(target string) error
	waitFor time.Duration
}

// reachable succeeds as soon as one of several parallel probes succeeds.
func (h *healthProbe) reachable(target string) error {
	const tries = 5
	verdicts := make(chan error, tries) // one slot per try: this one is fine
	for i := 0; i < tries; i++ {
		go func() {
			answer := make(chan error)
			go func() {
				answer <- h.fetch(target)
			}()
			var err error
			select {
			case err = <-answer:
			case <-time.After(h.waitFor):
				err = errors.New("probe timed out: " + target)
			}
			verdicts <- err
		}()
	}
	var last error
	for i := 0; i < tries; i++ {
		if last = <-verdicts; last == nil {
			break
		}
	}
	return last
}

func exercise() {
	h := &healthProbe{
		fetch:   func(string) error { time.Sleep(50 * time.Millisecond); return nil },
		waitFor: 5 * time.Millisecond,
	}
	for i := 0; i < 3; i++ {
		fmt.Println(h.reachable("extension-api"))
	}
}
