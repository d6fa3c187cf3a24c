// The batcher copies its output channel into a local variable and sends whole batches on
// it. The loop watches quit while it waits for input, but the send of a full batch is
// plain, so a batch in flight at Stop blocks the batcher forever.
package main

import (
	"fmt"
	"time"
)

type batcher struct {
	in   chan int
	out  chan []int
	quit chan struct{}
}

func newBatcher() *batcher {
	b := &batcher{in: make(chan int, 8), out: make(chan []int), quit: make(chan struct{})}
	go b.run()
	return b
}

func (b *batcher) Stop() { close(b.quit) }

func (b *batcher) run() {
	out := b.out
	var batch []int
	for {
		select {
		case v := <-b.in:
			batch = append(batch, v)
			if len(batch) == 2 {
				out <- batch
				batch = nil
			}
		case <-b.quit:
			return
		}
	}
}

// exercise reads the first batch and stops while the batcher sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		b := newBatcher()
		for v := 1; v <= 4; v++ {
			b.in <- v
		}
		fmt.Println(<-b.out)
		time.Sleep(10 * time.Millisecond)
		b.Stop()
	}
}

func steady() {
	b := newBatcher()
	for v := 1; v <= 4; v++ {
		b.in <- v
	}
	fmt.Println(<-b.out, <-b.out)
	b.Stop()
}
