// The element type comes from another package, and its declaration is not in view, so
// the syntax does not show that it holds pointers.
package main

import (
	"fmt"
	"time"
)

type schedule struct {
	delays []time.Duration
}

func (s *schedule) next() time.Duration {
	d := s.delays[0]
	s.delays = s.delays[1:]
	return d
}

func exercise() {
	s := &schedule{delays: []time.Duration{time.Second, time.Minute}}
	fmt.Println(s.next(), s.delays)
}
