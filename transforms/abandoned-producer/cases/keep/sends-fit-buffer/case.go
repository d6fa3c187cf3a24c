// The producer sends at most five values into a channel with five slots, so it
// never blocks even when the consumer returns early.
package main

import "fmt"

func firstEven() int {
	ch := make(chan int, 5)
	go func() {
		defer close(ch)
		for i := 0; i < 5; i++ {
			if i%2 == 1 {
				ch <- i * 10
			} else {
				ch <- i
			}
		}
	}()
	for v := range ch {
		if v%2 == 0 {
			return v
		}
	}
	return -1
}

func exercise() {
	fmt.Println(firstEven())
}
