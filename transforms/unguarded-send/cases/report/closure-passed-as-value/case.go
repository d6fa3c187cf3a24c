// The helper closure that sends is handed to another function, not only called as a
// statement, so the fix cannot make its callers leave the loop.
package main

import "fmt"

type emitter struct {
	out  chan int
	quit chan struct{}
}

func newEmitter() *emitter {
	e := &emitter{out: make(chan int), quit: make(chan struct{})}
	go e.run()
	return e
}

func (e *emitter) Stop() { close(e.quit) }

func each(values []int, visit func(int)) {
	for _, v := range values {
		visit(v)
	}
}

func (e *emitter) run() {
	emit := func(v int) {
		e.out <- v
	}
	for {
		select {
		case <-e.quit:
			return
		default:
			each([]int{1, 2}, emit)
		}
	}
}

func exercise() {
	e := newEmitter()
	fmt.Println(<-e.out)
	e.Stop()
}
