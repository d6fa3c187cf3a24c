// The context field is set to context.Background(), whose Done channel is nil: a case
// on it never fires, so it is no stop signal, even though the type stores a cancel
// function.
package main

import (
	"context"
	"fmt"
)

type feed struct {
	ctx    context.Context
	cancel context.CancelFunc
	out    chan int
}

func newFeed() *feed {
	f := &feed{ctx: context.Background(), cancel: func() {}, out: make(chan int)}
	go f.run()
	return f
}

func (f *feed) Stop() { f.cancel() }

func (f *feed) run() {
	for i := 0; ; i++ {
		if f.ctx.Err() != nil {
			return
		}
		f.out <- i
	}
}

func exercise() {
	f := newFeed()
	fmt.Println(<-f.out)
	f.Stop()
}
