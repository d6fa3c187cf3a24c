// A poller keeps a context and its cancel function in fields. Its loop returns when the
// context is done, but the send of each new version is plain, so once Close cancels
// and the consumer stops reading, the poller blocks on the send forever.
package main

import (
	"context"
	"fmt"
	"time"
)

type poller struct {
	ctx     context.Context
	cancel  context.CancelFunc
	updates chan int
}

func newPoller() *poller {
	ctx, cancel := context.WithCancel(context.Background())
	p := &poller{ctx: ctx, cancel: cancel, updates: make(chan int)}
	go p.run()
	return p
}

func (p *poller) Updates() <-chan int { return p.updates }
func (p *poller) Close()              { p.cancel() }

func (p *poller) run() {
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	version := 0
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-ticker.C:
			version++
			p.updates <- version
		}
	}
}

// exercise takes the first version and closes while the poller sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		p := newPoller()
		fmt.Println("version", <-p.Updates())
		time.Sleep(10 * time.Millisecond)
		p.Close()
	}
}

func steady() {
	p := newPoller()
	fmt.Println("versions", <-p.Updates(), <-p.Updates(), <-p.Updates())
	p.Close()
}
