// The context is stored in the proxy it belongs to, and a goroutine keeps cancel for
// the event that ends it; the parent's end cancels it too.
package main

import (
	"context"
	"fmt"
)

type proxy struct {
	ctx        context.Context
	disconnect chan struct{}
}

func newProxy(parent context.Context) *proxy {
	ctx, cancel := context.WithCancel(parent)
	p := &proxy{ctx: ctx, disconnect: make(chan struct{})}
	go func() {
		select {
		case <-p.ctx.Done():
		case <-p.disconnect:
			cancel()
		}
	}()
	return p
}

func exercise() {
	parent, stop := context.WithCancel(context.Background())
	p := newProxy(parent)
	close(p.disconnect)
	<-p.ctx.Done()
	stop()
	fmt.Println(p.ctx.Err())
}
