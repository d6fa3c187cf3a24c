// A producer streams numbers through a buffered channel; the consumer stops reading after
// a time budget. The producer then fills the buffer and blocks on its next send forever.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func stream(budget time.Duration, count int, wg *sync.WaitGroup) {
	numbers := make(chan int, 100)

	go func() {
		defer close(numbers)
		for i := 0; i < count; i++ {
			numbers <- i
			time.Sleep(time.Millisecond)
		}
	}()

	wg.Add(1)
	go func() {
		defer wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), budget)
		defer cancel()
		sum := 0
		for n := range numbers {
			if ctx.Err() != nil {
				fmt.Println("consumer stopped:", ctx.Err())
				return
			}
			sum += n
		}
		fmt.Println("sum:", sum)
	}()
}

func exercise() {
	var wg sync.WaitGroup
	stream(30*time.Millisecond, 10000, &wg)
	wg.Wait()
	// Give the producer time to fill the buffer and block.
	time.Sleep(200 * time.Millisecond)
}

func steady() {
	var wg sync.WaitGroup
	stream(time.Hour, 50, &wg)
	wg.Wait()
}
