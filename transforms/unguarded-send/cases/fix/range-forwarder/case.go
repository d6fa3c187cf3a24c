// A relay forwards messages from its input to its output in a goroutine it starts. The
// loop never looks at quit, so once Stop is called and the output has no reader, the
// next forwarded message blocks the relay forever.
package main

import (
	"fmt"
	"strings"
	"time"
)

type relay struct {
	in   chan string
	out  chan string
	quit chan struct{}
}

func newRelay() *relay {
	r := &relay{in: make(chan string, 8), out: make(chan string), quit: make(chan struct{})}
	go r.run()
	return r
}

func (r *relay) Stop() { close(r.quit) }

func (r *relay) run() {
	for message := range r.in {
		r.out <- strings.TrimSpace(message)
	}
}

// exercise reads one of two messages and stops while the relay forwards the second.
func exercise() {
	for i := 0; i < 3; i++ {
		r := newRelay()
		r.in <- " hello "
		r.in <- " world "
		fmt.Printf("%q\n", <-r.out)
		time.Sleep(10 * time.Millisecond)
		r.Stop()
	}
}

func steady() {
	r := newRelay()
	r.in <- " hello "
	r.in <- " world "
	close(r.in)
	for message := range r.out {
		fmt.Printf("%q\n", message)
		if message == "world" {
			break
		}
	}
	r.Stop()
}
