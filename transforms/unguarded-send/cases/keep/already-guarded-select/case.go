// Every send of the loop is already a case of a select that watches quit.
package main

import "fmt"

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
			select {
			case w.results <- job * 2:
			case <-w.quit:
				return
			}
		case <-w.quit:
			return
		}
	}
}

func exercise() {
	w := startWorker()
	w.jobs <- 1
	fmt.Println(<-w.results)
	w.Stop()
}
