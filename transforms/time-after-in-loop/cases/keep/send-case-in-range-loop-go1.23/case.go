// A publisher forwards each item to a consumer and gives up when the consumer stalls.
// The send case continues the range loop, so each item leaves a timer behind.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

var errStalled = errors.New("consumer stalled")

type publisher struct {
	out     chan string
	timeout time.Duration
}

func (p *publisher) publish(items []string) error {
	for _, item := range items {
		select {
		case p.out <- item:
		case <-time.After(p.timeout):
			return errStalled
		}
	}
	return nil
}

func exercise() {
	p := &publisher{out: make(chan string), timeout: time.Hour}
	items := make([]string, 100000)
	for i := range items {
		items[i] = strconv.Itoa(i)
	}
	received := make(chan int)
	go func() {
		n := 0
		for range p.out {
			n++
		}
		received <- n
	}()
	err := p.publish(items)
	close(p.out)
	fmt.Println(<-received, err)
}
