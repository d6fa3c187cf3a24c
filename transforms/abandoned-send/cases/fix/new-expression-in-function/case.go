// Go 1.26 allows new with an expression, which tree-sitter-go 0.25 cannot parse. The
// leak sits in the same function, and the rule must still find and fix it.
package main

import (
	"fmt"
	"time"
)

func measure(host string) int {
	time.Sleep(20 * time.Millisecond)
	return len(host)
}

func latency(host string, wait time.Duration) *int {
	samples := make(chan int)
	go func() {
		samples <- measure(host)
	}()
	select {
	case s := <-samples:
		return new(s * 2)
	case <-time.After(wait):
		return new(int(-1))
	}
}

func exercise() {
	for _, host := range []string{"a.example", "b.example"} {
		fmt.Println(*latency(host, 2*time.Millisecond))
	}
}

func steady() {
	fmt.Println(*latency("c.example", time.Second))
}
