// The range-consumer case after its fix: the consumer closes stop when it leaves and
// the producer's send waits on it, so there is nothing left to find.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func stream(budget time.Duration, count int, wg *sync.WaitGroup) {
	numbers := make(chan int, 100)
	stop := make(chan struct{})

	go func() {
		defer close(numbers)
		for i := 0; i < count; i++ {
			select {
			case numbers <- i:
			case <-stop:
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()

	wg.Add(1)
	go func() {
		defer close(stop)
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
	stream(30*time.Millisecond, 500, &wg)
	wg.Wait()
}
