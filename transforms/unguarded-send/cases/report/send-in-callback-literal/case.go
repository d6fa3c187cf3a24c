// The send sits in a function literal handed to forEach. Whether a return from that
// literal ends the work depends on forEach, which the syntax does not show.
package main

import (
	"fmt"
	"time"
)

type scanner struct {
	keys  []string
	found chan string
	quit  chan struct{}
}

func newScanner(keys []string) *scanner {
	s := &scanner{keys: keys, found: make(chan string), quit: make(chan struct{})}
	go s.run()
	return s
}

func (s *scanner) Stop() { close(s.quit) }

func (s *scanner) forEach(visit func(string)) {
	for _, key := range s.keys {
		visit(key)
	}
}

func (s *scanner) run() {
	for {
		select {
		case <-s.quit:
			return
		case <-time.After(time.Millisecond):
			s.forEach(func(key string) {
				s.found <- key
			})
		}
	}
}

func exercise() {
	s := newScanner([]string{"a"})
	fmt.Println(<-s.found)
	s.Stop()
}
