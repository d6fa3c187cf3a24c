// next returns two values and checks the reader's quit channel, but has no stop case
// whose return could be copied, so the finding has no fix.
package main

import (
	"errors"
	"fmt"
)

type reader struct {
	chunks chan []byte
	sizes  chan int
	quit   chan struct{}
}

func newReader() *reader {
	return &reader{chunks: make(chan []byte, 1), sizes: make(chan int), quit: make(chan struct{})}
}

func (r *reader) Close() { close(r.quit) }

func (r *reader) next() (int, error) {
	var chunk []byte
	select {
	case chunk = <-r.chunks:
	case <-r.quit:
	}
	if chunk == nil {
		return 0, errors.New("closed")
	}
	r.sizes <- len(chunk)
	return len(chunk), nil
}

func exercise() {
	r := newReader()
	r.chunks <- []byte("abc")
	go func() { fmt.Println(<-r.sizes) }()
	fmt.Println(r.next())
	r.Close()
}
