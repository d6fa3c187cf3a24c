// The relay's loop has no stop case to copy, and a return inside it would skip the
// wg.Done after the loop that Wait depends on, so the finding has no fix.
package main

import (
	"fmt"
	"sync"
)

type relay struct {
	in   chan string
	out  chan string
	quit chan struct{}
	wg   sync.WaitGroup
}

func newRelay() *relay {
	r := &relay{in: make(chan string, 4), out: make(chan string), quit: make(chan struct{})}
	r.wg.Add(1)
	go r.run()
	return r
}

func (r *relay) Stop() { close(r.quit) }

func (r *relay) run() {
	for message := range r.in {
		r.out <- message
	}
	r.wg.Done()
}

func exercise() {
	r := newRelay()
	r.in <- "hello"
	close(r.in)
	fmt.Println(<-r.out)
	r.wg.Wait()
	r.Stop()
}
