// The framer leaves its loop when shutdown is closed and then flushes the last partial
// frame with a plain send. That send runs only after the stop, on purpose: Destroy
// closes the output once the flush is done, and the reader reads until then.
package main

import (
	"fmt"
	"sync"
)

type framer struct {
	mu       sync.Mutex
	pending  []string
	out      chan string
	shutdown chan struct{}
	exited   chan struct{}
	ticks    chan struct{}
}

func newFramer() *framer {
	f := &framer{out: make(chan string), shutdown: make(chan struct{}), exited: make(chan struct{}), ticks: make(chan struct{})}
	go f.run()
	return f
}

func (f *framer) Destroy() {
	close(f.shutdown)
	<-f.exited
	close(f.out)
}

func (f *framer) run() {
	defer close(f.exited)
outer:
	for {
		select {
		case <-f.shutdown:
			break outer
		case <-f.ticks:
			select {
			case f.out <- "heartbeat":
			case <-f.shutdown:
			}
		}
	}

	f.mu.Lock()
	if len(f.pending) > 0 {
		f.out <- f.pending[0]
	}
	f.mu.Unlock()
}

func exercise() {
	f := newFramer()
	f.mu.Lock()
	f.pending = append(f.pending, "last frame")
	f.mu.Unlock()
	go f.Destroy()
	for frame := range f.out {
		fmt.Println(frame)
	}
}
