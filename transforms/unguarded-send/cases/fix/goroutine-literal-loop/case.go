// Start runs the producing loop in a goroutine literal that never looks at the stream's
// context. Stop cancels it, but a tick sent after the consumer stopped reading blocks
// the goroutine forever.
package main

import (
	"context"
	"fmt"
	"time"
)

type stream struct {
	ctx    context.Context
	cancel context.CancelFunc
	ticks  chan int
}

func newStream() *stream {
	ctx, cancel := context.WithCancel(context.Background())
	return &stream{ctx: ctx, cancel: cancel, ticks: make(chan int)}
}

func (s *stream) Start() {
	go func() {
		for i := 1; ; i++ {
			time.Sleep(time.Millisecond)
			s.ticks <- i
		}
	}()
}

func (s *stream) Stop() { s.cancel() }

// exercise reads two ticks and stops while the goroutine sends the third.
func exercise() {
	for i := 0; i < 3; i++ {
		s := newStream()
		s.Start()
		fmt.Println(<-s.ticks, <-s.ticks)
		s.Stop()
	}
}

func steady() {
	s := newStream()
	s.Start()
	fmt.Println(<-s.ticks, <-s.ticks, <-s.ticks)
	s.Stop()
	time.Sleep(5 * time.Millisecond)
}
