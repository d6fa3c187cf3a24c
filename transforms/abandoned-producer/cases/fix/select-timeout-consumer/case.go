// The consumer receives in a select loop and gives up when the next value takes
// longer than its patience. The producer, which took a slow step, then blocks on
// its send.
package main

import (
	"fmt"
	"time"
)

func collect(steps []time.Duration, patience time.Duration) []int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i, step := range steps {
			time.Sleep(step)
			ch <- i
		}
	}()

	var got []int
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-time.After(patience):
			return got
		}
	}
}

func exercise() {
	fast, slow := time.Millisecond, 60*time.Millisecond
	fmt.Println(collect([]time.Duration{fast, fast, slow, fast}, 20*time.Millisecond))
}

func steady() {
	fast := time.Millisecond
	fmt.Println(collect([]time.Duration{fast, fast, fast}, time.Second))
	fmt.Println(collect(nil, time.Second))
}
