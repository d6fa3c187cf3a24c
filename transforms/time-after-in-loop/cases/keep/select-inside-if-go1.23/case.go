// A worker may idle only when its pool allows it; then it waits for a job or gives up
// after a quiet period. The select sits in an if inside the loop, and the timer is
// reset right before it.
package main

import (
	"fmt"
	"time"
)

type worker struct {
	jobs      chan int
	canIdle   bool
	idleLimit time.Duration
}

func (w *worker) run() int {
	done := 0
	for {
		if w.canIdle {
			select {
			case j, ok := <-w.jobs:
				if !ok {
					return done
				}
				done += j
			case <-time.After(w.idleLimit):
				return done
			}
		} else {
			j, ok := <-w.jobs
			if !ok {
				return done
			}
			done += j
		}
	}
}

func exercise() {
	w := &worker{jobs: make(chan int), canIdle: true, idleLimit: time.Minute}
	go func() {
		for i := 0; i < 100000; i++ {
			w.jobs <- 1
		}
		close(w.jobs)
	}()
	fmt.Println("done:", w.run())
}
