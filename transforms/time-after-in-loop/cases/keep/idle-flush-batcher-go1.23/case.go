// Shape: an idle-flush timeout written as time.After inside a for/select loop whose
// other case fires far more often than the timeout. Before Go 1.23 every
// iteration leaves a live timer behind until its (long) duration elapses.
package main

import (
	"fmt"
	"time"
)

type batcher struct {
	events  chan string
	stop    chan struct{}
	idleFor time.Duration
	pending []string
	flushed int
}

func (b *batcher) flush() { b.flushed += len(b.pending); b.pending = b.pending[:0] }

func (b *batcher) loop() { // flush when full, or when idle for idleFor
	for {
		select {
		case ev := <-b.events:
			b.pending = append(b.pending, ev)
			if len(b.pending) >= 64 {
				b.flush()
			}
		case <-time.After(b.idleFor):
			b.flush()
		case <-b.stop:
			b.flush()
			return
		}
	}
}

func exercise() {
	b := &batcher{events: make(chan string), stop: make(chan struct{}), idleFor: time.Minute}
	done := make(chan struct{})
	go func() {
		b.loop()
		close(done)
	}()
	for i := 0; i < 100000; i++ {
		b.events <- "tick"
	}
	close(b.stop)
	<-done
	fmt.Println("flushed:", b.flushed)
}
