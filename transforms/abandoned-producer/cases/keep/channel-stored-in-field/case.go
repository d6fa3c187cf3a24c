// The channel is stored in a struct, so other code may read it, and the rule
// cannot see every consumer.
package main

import "fmt"

type feed struct {
	items chan int
}

func start(values []int) *feed {
	ch := make(chan int)
	f := &feed{items: ch}
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	for v := range ch {
		if v == 0 {
			return f
		}
	}
	return f
}

func exercise() {
	f := start([]int{1, 0, 2})
	for range f.items {
	}
	fmt.Println("drained")
}
