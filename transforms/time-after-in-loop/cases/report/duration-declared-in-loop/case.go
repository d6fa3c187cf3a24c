// The duration is computed inside the loop, so it cannot be read before it.
package main

import (
	"fmt"
	"time"
)

type cache struct{ ttl time.Duration }

func (c *cache) ttlFor(n int) time.Duration { return c.ttl * time.Duration(n+1) }

func expire(c *cache, in <-chan int) (seen, expired int) {
	for {
		ttl := c.ttlFor(seen)
		select {
		case _, ok := <-in:
			if !ok {
				return seen, expired
			}
			seen++
		case <-time.After(ttl):
			expired++
		}
	}
}

func exercise() {
	in := make(chan int)
	close(in)
	fmt.Println(expire(&cache{ttl: time.Minute}, in))
}
