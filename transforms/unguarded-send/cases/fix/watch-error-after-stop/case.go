// A watch object keeps its context and channels in fields. On an upstream failure it
// cancels, then hands the error to the consumer with a plain send. A consumer that
// already called Stop never reads it, so the watch goroutine blocks forever.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type change struct {
	kind string
	err  error
}

type feed struct {
	ctx    context.Context
	cancel context.CancelFunc
	out    chan change
	broken chan error
}

func openFeed(parent context.Context) *feed {
	ctx, cancel := context.WithCancel(parent)
	f := &feed{ctx: ctx, cancel: cancel, out: make(chan change), broken: make(chan error, 1)}
	go f.run()
	return f
}

func (f *feed) Changes() <-chan change { return f.out }
func (f *feed) Stop()                  { f.cancel() }

func (f *feed) run() {
	select {
	case err := <-f.broken:
		f.cancel() // stop the upstream reader
		if err != nil {
			f.out <- change{kind: "error", err: err}
		}
	case <-f.ctx.Done():
	}
	close(f.out)
}

// exercise lets the upstream fail and then stops each feed without draining it.
func exercise() {
	for i := 0; i < 3; i++ {
		f := openFeed(context.Background())
		time.Sleep(time.Millisecond)
		f.broken <- errors.New("history compacted")
		f.Stop()
	}
	fmt.Println("stopped 3 feeds")
}

// steady reads the error before stopping, so every hand-off completes.
func steady() {
	for i := 0; i < 3; i++ {
		f := openFeed(context.Background())
		f.broken <- errors.New("history compacted")
		for c := range f.Changes() {
			fmt.Println(c.kind, c.err)
		}
		f.Stop()
	}
}
