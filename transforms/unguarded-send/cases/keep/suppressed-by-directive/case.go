// The same leak as quit-channel-closed-by-stop, silenced by a directive on the line
// above the send.
package main

import (
	"fmt"
	"strings"
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
			//goleakfix:ignore unguarded-send // every caller drains results before Stop
			w.results <- strings.ToUpper(job)
		case <-w.quit:
			return
		}
	}
}

func exercise() {
	w := startWorker()
	w.jobs <- "a"
	fmt.Println(<-w.results)
	w.Stop()
}
