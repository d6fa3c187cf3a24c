// The consumer receives a counted number of values. Its loop ends on its own
// condition, which the syntax cannot compare with the number of sends, so the
// rule leaves it alone. Here both sides count to n.
package main

import "fmt"

func squares(n int) []int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i * i
		}
	}()
	got := make([]int, 0, n)
	for i := 0; i < n; i++ {
		got = append(got, <-ch)
	}
	return got
}

func exercise() {
	fmt.Println(squares(4))
}
