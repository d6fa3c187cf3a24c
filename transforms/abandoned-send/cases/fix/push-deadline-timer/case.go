// Shape: push-with-deadline method; the writer reports on a channel, then does bookkeeping.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var pushDeadline = 20 * time.Millisecond

type envelope struct {
	topic string
	nonce string
}

type transport interface{ Write(e *envelope) error }

type peerLink struct {
	mu      sync.Mutex
	wire    transport
	sentTag map[string]string
}

// deliver writes e to the peer and gives up after pushDeadline.
func (p *peerLink) deliver(e *envelope) error {
	outcome := make(chan error)
	clock := time.NewTimer(pushDeadline)
	go func() {
		err := p.wire.Write(e)
		outcome <- err
		p.mu.Lock()
		if e.nonce != "" {
			p.sentTag[e.topic] = e.nonce
		}
		p.mu.Unlock()
	}()
	select {
	case <-clock.C:
		return errors.New("deliver: peer did not accept in time")
	case err := <-outcome:
		clock.Stop()
		return err
	}
}

type stalledPeer struct{}

func (stalledPeer) Write(*envelope) error { time.Sleep(100 * time.Millisecond); return nil }

func exercise() {
	p := &peerLink{wire: stalledPeer{}, sentTag: map[string]string{}}
	for i := 0; i < 4; i++ {
		fmt.Println(p.deliver(&envelope{topic: "routes", nonce: fmt.Sprint(i)}))
	}
}
