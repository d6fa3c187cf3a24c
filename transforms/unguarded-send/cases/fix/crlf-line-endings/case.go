// The same quit-channel worker as quit-channel-closed-by-stop, written with CRLF line
// endings: the lines the fix inserts end with CRLF too.
package main

import (
	"fmt"
	"time"
)

type worker struct {
	jobs    chan int
	results chan int
	quit    chan struct{}
}

func startWorker() *worker {
	w := &worker{jobs: make(chan int, 4), results: make(chan int), quit: make(chan struct{})}
	go w.loop()
	return w
}

func (w *worker) Stop() { close(w.quit) }

func (w *worker) loop() {
	for {
		select {
		case job := <-w.jobs:
			w.results <- job * job
		case <-w.quit:
			return
		}
	}
}

func exercise() {
	for i := 0; i < 3; i++ {
		w := startWorker()
		w.jobs <- 2
		w.jobs <- 3
		fmt.Println(<-w.results)
		time.Sleep(10 * time.Millisecond)
		w.Stop()
	}
}

func steady() {
	w := startWorker()
	w.jobs <- 2
	w.jobs <- 3
	fmt.Println(<-w.results, <-w.results)
	w.Stop()
}
