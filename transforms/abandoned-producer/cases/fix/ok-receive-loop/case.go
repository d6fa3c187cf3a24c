// The consumer receives with `v, ok := <-ch` in a loop without a condition. It
// breaks out when the channel is closed, which is fine, but also returns as soon as
// it finds the target, which leaves the producer blocked.
package main

import "fmt"

func contains(limit, target int) bool {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < limit; i++ {
			if i%2 == 0 {
				ch <- i
			}
		}
	}()
	for {
		v, ok := <-ch
		if !ok {
			break
		}
		if v == target {
			return true
		}
	}
	return false
}

func exercise() {
	fmt.Println(contains(10, 4))
	fmt.Println(contains(100, 0))
}

func steady() {
	fmt.Println(contains(10, 5))
	fmt.Println(contains(0, 0))
}
