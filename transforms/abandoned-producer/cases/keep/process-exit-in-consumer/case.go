// The consumer's only early exit is log.Fatal, which ends the process, so no
// goroutine outlives it.
package main

import (
	"fmt"
	"log"
)

func mustAllPositive(values []int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	sum := 0
	for v := range ch {
		if v <= 0 {
			log.Fatalf("value %d is not positive", v)
		}
		sum += v
	}
	return sum
}

func exercise() {
	fmt.Println(mustAllPositive([]int{1, 2, 3}))
}
