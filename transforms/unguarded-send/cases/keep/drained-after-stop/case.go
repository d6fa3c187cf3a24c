// Substreams report that they are closing on closingc, and the stream's loop drains
// closingc in its deferred teardown after the context is cancelled. The channel keeps
// its reader after the stop, so a select on the context would lose reports the
// teardown waits for.
package main

import (
	"context"
	"fmt"
	"sync"
)

type stream struct {
	ctx      context.Context
	cancel   context.CancelFunc
	closingc chan int
	wg       sync.WaitGroup
}

func newStream() *stream {
	ctx, cancel := context.WithCancel(context.Background())
	return &stream{ctx: ctx, cancel: cancel, closingc: make(chan int)}
}

func (s *stream) run(substreams int) {
	defer func() {
		for i := 0; i < substreams; i++ {
			fmt.Println("closed substream", <-s.closingc)
		}
		s.wg.Wait()
	}()
	for i := 0; i < substreams; i++ {
		s.wg.Add(1)
		go s.serve(i)
	}
	<-s.ctx.Done()
}

func (s *stream) serve(id int) {
	defer func() {
		s.closingc <- id
		s.wg.Done()
	}()
	<-s.ctx.Done()
}

func exercise() {
	s := newStream()
	s.cancel()
	s.run(1)
}
