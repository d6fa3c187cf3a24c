// The counter runs a loop that sends with a plain send, but the type has no stop signal
// at all: no context field and no channel that a method closes. Nothing in its syntax
// names the signal a select could wait on, so the send is left alone.
package main

import "fmt"

type counter struct {
	values chan int
}

func newCounter() *counter {
	c := &counter{values: make(chan int)}
	go c.run()
	return c
}

func (c *counter) run() {
	for i := 1; ; i++ {
		c.values <- i
	}
}

func exercise() {
	c := newCounter()
	fmt.Println(<-c.values, <-c.values)
}
