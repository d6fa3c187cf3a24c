// The producer is a function of the package started with `go squares(...)`. The
// consumer breaks out of its loop at the limit, and the producer blocks on its
// next send.
package main

import "fmt"

func squares(out chan<- int, n int) {
	defer close(out)
	for i := 1; i <= n; i++ {
		out <- i * i
	}
}

func sumBelow(limit, n int) int {
	ch := make(chan int)
	go squares(ch, n)
	total := 0
	for sq := range ch {
		if sq >= limit {
			break
		}
		total += sq
	}
	return total
}

func exercise() {
	fmt.Println(sumBelow(20, 10))
	fmt.Println(sumBelow(50, 100))
}

func steady() {
	fmt.Println(sumBelow(1000, 10))
	fmt.Println(sumBelow(1, 0))
}
