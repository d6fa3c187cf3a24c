// readNext is a buffered channel of struct{} that arms the reader one packet at a time.
// The token goes back only after the reader took the last one, so the send finds a free
// slot. It is a protocol token, not a result for a consumer.
package main

import (
	"context"
	"fmt"
)

type transport struct {
	ctx      context.Context
	cancel   context.CancelFunc
	readNext chan struct{}
	packets  chan string
}

func newTransport() *transport {
	ctx, cancel := context.WithCancel(context.Background())
	t := &transport{ctx: ctx, cancel: cancel, readNext: make(chan struct{}, 1), packets: make(chan string)}
	go t.readLoop()
	return t
}

func (t *transport) readLoop() {
	for i := 0; ; i++ {
		select {
		case <-t.readNext:
		case <-t.ctx.Done():
			return
		}
		select {
		case t.packets <- fmt.Sprint("packet ", i):
		case <-t.ctx.Done():
			return
		}
	}
}

func (t *transport) dispatch(count int) {
	t.readNext <- struct{}{}
	for i := 0; i < count; i++ {
		select {
		case p := <-t.packets:
			fmt.Println(p)
			t.readNext <- struct{}{}
		case <-t.ctx.Done():
			return
		}
	}
}

func exercise() {
	t := newTransport()
	t.dispatch(2)
	t.cancel()
}
