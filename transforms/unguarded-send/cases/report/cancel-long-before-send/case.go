// The session cancels its own context, does more work, and only then sends its report.
// A select on the context would find it done and drop the report at random, and the
// cancel is too far from the send to move safely, so the finding has no fix.
package main

import (
	"context"
	"fmt"
)

type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	fail   chan string
	events chan string
	log    []string
}

func openSession() *session {
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{ctx: ctx, cancel: cancel, fail: make(chan string, 1), events: make(chan string)}
	go s.run()
	return s
}

func (s *session) run() {
	select {
	case reason := <-s.fail:
		s.cancel()
		s.log = append(s.log, reason)
		s.events <- "closed: " + reason
	case <-s.ctx.Done():
	}
	close(s.events)
}

func exercise() {
	s := openSession()
	s.fail <- "peer reset"
	fmt.Println(<-s.events)
}
