// The shutdown case makes one flush deadline, drains what is left, and returns, so the
// loop never comes back to make another.
package main

import (
	"fmt"
	"time"
)

type snapshotter struct {
	events   chan string
	shutdown chan struct{}
	flushed  int
}

func (s *snapshotter) run(flushFor time.Duration) {
	for {
		select {
		case e := <-s.events:
			s.flushed += len(e)
		case <-s.shutdown:
			deadline := time.After(flushFor)
		drain:
			for {
				select {
				case e := <-s.events:
					s.flushed += len(e)
				case <-deadline:
					break drain
				default:
					break drain
				}
			}
			return
		}
	}
}

func exercise() {
	s := &snapshotter{events: make(chan string, 2), shutdown: make(chan struct{})}
	s.events <- "a"
	close(s.shutdown)
	s.run(time.Second)
	fmt.Println("flushed:", s.flushed >= 0)
}
