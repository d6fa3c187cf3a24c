// A refresher falls back to a default interval when given a non-positive one, so the
// interval is positive when time.Tick runs.
package main

import (
	"fmt"
	"time"
)

type refresher struct {
	every time.Duration
	quit  chan struct{}
	runs  int
}

func (r *refresher) run() {
	if r.every <= 0 {
		r.every = 10 * time.Second
	}
	ticks := time.Tick(r.every)
	for {
		select {
		case <-ticks:
			r.runs++
		case <-r.quit:
			return
		}
	}
}

func exercise() {
	quit := make(chan struct{})
	close(quit)
	for i := 0; i < 100000; i++ {
		r := &refresher{every: time.Duration(i%3) * time.Minute, quit: quit}
		r.run()
	}
	fmt.Println("done")
}
