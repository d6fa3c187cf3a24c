// The consumer's only exits follow `!ok`, which means the channel is closed, so the
// producer has already finished.
package main

import "fmt"

func count(n int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	seen := 0
	for {
		v, ok := <-ch
		if !ok {
			return seen
		}
		if v >= 0 {
			seen++
		}
	}
}

func exercise() {
	fmt.Println(count(4))
}
