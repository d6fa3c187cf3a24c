// The consumer reads every value until the producer closes the channel, so the
// producer never blocks for good.
package main

import "fmt"

func total(values []int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	sum := 0
	for v := range ch {
		if v < 0 {
			continue
		}
		sum += v
	}
	return sum
}

func exercise() {
	fmt.Println(total([]int{1, -2, 3}))
}
