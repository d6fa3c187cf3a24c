// A connection pumps frames and counts a keepalive ping when the line goes quiet.
// Comments sit right above the loop and the select; the inserted lines go above them.
package main

import (
	"fmt"
	"time"
)

const keepalive = 30 * time.Second

type conn struct {
	closed bool
	pings  int
}

func (c *conn) pump(frames <-chan []byte) int {
	sent := 0
	// Forward frames until the connection closes.
	for !c.closed {
		// Wait for the next frame or for the keepalive interval.
		select {
		case f := <-frames:
			sent += len(f)
			if len(f) == 0 {
				c.closed = true
			}
		case <-time.After(keepalive): // the line went quiet
			c.pings++
		}
	}
	return sent
}

func exercise() {
	frames := make(chan []byte)
	go func() {
		for i := 0; i < 100000; i++ {
			frames <- []byte("f")
		}
		frames <- nil
	}()
	c := &conn{}
	fmt.Println("sent:", c.pump(frames), "pings:", c.pings)
}
