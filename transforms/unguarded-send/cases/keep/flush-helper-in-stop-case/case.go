// The batch loop's flush closure also runs in the stop case, to hand over the last
// batch after done is closed. That call runs only after the stop, on purpose: the
// delivery worker reads until batches is closed.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type output struct {
	work    chan string
	batches chan string
	done    chan struct{}
	wg      sync.WaitGroup
}

func newOutput() *output {
	o := &output{work: make(chan string, 8), batches: make(chan string), done: make(chan struct{})}
	o.wg.Add(2)
	go o.batchLoop()
	go o.deliver()
	return o
}

func (o *output) Close() {
	close(o.done)
	o.wg.Wait()
}

func (o *output) batchLoop() {
	defer o.wg.Done()
	defer close(o.batches)
	var batch []string
	flush := func() {
		if len(batch) == 0 {
			return
		}
		o.batches <- strings.Join(batch, ",")
		batch = nil
	}
	for {
		select {
		case item := <-o.work:
			batch = append(batch, item)
			if len(batch) == 2 {
				flush()
			}
		case <-o.done:
			flush()
			return
		}
	}
}

func (o *output) deliver() {
	defer o.wg.Done()
	for {
		batch, ok := <-o.batches
		if !ok {
			return
		}
		fmt.Println("delivered", batch)
	}
}

func exercise() {
	o := newOutput()
	o.work <- "a"
	o.Close()
}
