// The ticker is started only inside an if that checks the period is positive.
package main

import (
	"fmt"
	"time"
)

func sample(period time.Duration, values <-chan int) int {
	sum := 0
	if period > 0 {
		sampler := time.Tick(period)
		for {
			select {
			case <-sampler:
				sum++
			case v, ok := <-values:
				if !ok {
					return sum
				}
				sum += v
			}
		}
	}
	for v := range values {
		sum += v
	}
	return sum
}

func exercise() {
	total := 0
	for i := 0; i < 100000; i++ {
		values := make(chan int, 1)
		values <- 2
		close(values)
		total += sample(time.Hour, values)
	}
	fmt.Println("total:", total)
}
