// A worker hands each result to its consumer with a plain send. Stop closes quit, and
// the loop watches quit while it waits for a job but not while it sends the result, so
// a result in flight at Stop blocks the worker forever.
package main

import (
	"fmt"
	"strings"
	"time"
)

type worker struct {
	jobs    chan string
	results chan string
	quit    chan struct{}
}

func startWorker() *worker {
	w := &worker{jobs: make(chan string, 4), results: make(chan string), quit: make(chan struct{})}
	go w.loop()
	return w
}

func (w *worker) Stop() { close(w.quit) }

func (w *worker) loop() {
	for {
		select {
		case job := <-w.jobs:
			w.results <- strings.ToUpper(job)
		case <-w.quit:
			return
		}
	}
}

// exercise reads one of two results and stops while the worker sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		w := startWorker()
		w.jobs <- "a"
		w.jobs <- "b"
		fmt.Println(<-w.results)
		time.Sleep(10 * time.Millisecond)
		w.Stop()
	}
}

func steady() {
	w := startWorker()
	w.jobs <- "a"
	w.jobs <- "b"
	fmt.Println(<-w.results, <-w.results)
	w.Stop()
}
