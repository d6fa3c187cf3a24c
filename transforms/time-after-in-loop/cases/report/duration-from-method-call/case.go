// The duration comes from a method call, which the fix would have to run once more
// before the loop.
package main

import (
	"fmt"
	"time"
)

type policy struct{ base time.Duration }

func (p *policy) idle() time.Duration { return p.base }

func watch(p *policy, events <-chan int) int {
	seen := 0
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return seen
			}
			seen++
		case <-time.After(p.idle()):
			return seen
		}
	}
}

func exercise() {
	events := make(chan int)
	close(events)
	fmt.Println(watch(&policy{base: time.Minute}, events))
}
