// The watcher calls cancel in every case of its select, and the function always
// signals one of them, so cancel runs when the request ends or on shutdown.
package main

import (
	"context"
	"fmt"
)

type client struct{ stop chan struct{} }

func (c *client) post(send func(context.Context) error) error {
	done := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-done:
			cancel()
		case <-c.stop:
			cancel()
		}
	}()
	err := send(ctx)
	done <- struct{}{}
	return err
}

func exercise() {
	c := &client{stop: make(chan struct{})}
	fmt.Println(c.post(func(ctx context.Context) error { return ctx.Err() }))
}
