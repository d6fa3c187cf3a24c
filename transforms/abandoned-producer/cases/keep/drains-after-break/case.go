// The consumer breaks out of its loop but then drains the channel, so the producer
// always finishes.
package main

import "fmt"

func prefix(values []int, limit int) []int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	var got []int
	for v := range ch {
		if v > limit {
			break
		}
		got = append(got, v)
	}
	for range ch {
	}
	return got
}

func exercise() {
	fmt.Println(prefix([]int{1, 2, 9, 3}, 5))
}
