// The producer's send already waits on a done channel that the consumer closes, so
// there is nothing to fix.
package main

import "fmt"

func first(values []int, want int) bool {
	ch := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(ch)
		for _, v := range values {
			select {
			case ch <- v:
			case <-done:
				return
			}
		}
	}()
	for v := range ch {
		if v == want {
			return true
		}
	}
	return false
}

func exercise() {
	fmt.Println(first([]int{1, 2, 3}, 2))
}
