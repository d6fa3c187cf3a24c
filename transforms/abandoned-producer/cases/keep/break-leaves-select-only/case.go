// The `break` inside the select leaves the select, not the receive loop, so the
// consumer keeps reading until the channel is closed.
package main

import "fmt"

func evens(n int) []int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	var got []int
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got
			}
			if v%2 == 1 {
				break
			}
			got = append(got, v)
		}
	}
}

func exercise() {
	fmt.Println(evens(6))
}
