// Both goroutines take the channel as a parameter. The consumer goroutine stops at
// the first duplicate, and the producer blocks on its next send.
package main

import (
	"fmt"
	"sync"
)

func firstDuplicate(ids []int) (int, bool) {
	ch := make(chan int)
	go func(out chan<- int) {
		defer close(out)
		for _, id := range ids {
			out <- id
		}
	}(ch)

	var duplicate int
	var found bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func(in <-chan int) {
		defer wg.Done()
		seen := map[int]bool{}
		for id := range in {
			if seen[id] {
				duplicate, found = id, true
				return
			}
			seen[id] = true
		}
	}(ch)
	wg.Wait()
	return duplicate, found
}

func exercise() {
	fmt.Println(firstDuplicate([]int{1, 2, 1, 3, 4}))
}

func steady() {
	fmt.Println(firstDuplicate([]int{1, 2, 3}))
}
