// A reader sums values until its input closes or stays quiet for too long. The
// timeout case returns, but the value case goes round the loop again, so every
// value leaves a timer that lives for the whole quiet period.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errQuiet = errors.New("input quiet for too long")

func sum(in <-chan int, quiet time.Duration) (int, error) {
	total := 0
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return total, nil
			}
			total += v
		case <-time.After(quiet):
			return total, errQuiet
		}
	}
}

func exercise() {
	in := make(chan int)
	go func() {
		for i := 0; i < 100000; i++ {
			in <- i % 7
		}
		close(in)
	}()
	total, err := sum(in, time.Minute)
	fmt.Println(total, err)
}
