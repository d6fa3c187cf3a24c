// The function returns a channel fed by a loop, but its only caller reads it to the
// end, so no producer is abandoned in this package.
package main

import "fmt"

func numbers(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func sum(n int) int {
	total := 0
	for v := range numbers(n) {
		total += v
	}
	return total
}

func exercise() {
	fmt.Println(sum(4))
}
