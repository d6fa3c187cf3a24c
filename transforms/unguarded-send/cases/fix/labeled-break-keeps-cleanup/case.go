// The collector leaves its loop with a labelled break when quit is closed, so that the
// cleanup after the loop closes the output. The send of each result is plain, so a
// result in flight at Stop blocks the collector before it gets there.
package main

import (
	"fmt"
	"time"
)

type collector struct {
	in   chan int
	out  chan int
	quit chan struct{}
}

func newCollector() *collector {
	c := &collector{in: make(chan int, 8), out: make(chan int), quit: make(chan struct{})}
	go c.run()
	return c
}

func (c *collector) Stop() { close(c.quit) }

func (c *collector) run() {
loop:
	for {
		select {
		case v := <-c.in:
			c.out <- v * 2
		case <-c.quit:
			break loop
		}
	}
	close(c.out)
}

// exercise reads one of two results and stops while the collector sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		c := newCollector()
		c.in <- 1
		c.in <- 2
		fmt.Println(<-c.out)
		time.Sleep(10 * time.Millisecond)
		c.Stop()
	}
}

func steady() {
	c := newCollector()
	c.in <- 1
	c.in <- 2
	fmt.Println(<-c.out, <-c.out)
	c.Stop()
	for v := range c.out {
		fmt.Println("late", v)
	}
	fmt.Println("output closed")
}
