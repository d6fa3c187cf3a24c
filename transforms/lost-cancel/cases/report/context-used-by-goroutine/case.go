// A goroutine started here keeps using the context after the function returns.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func startWorker(wg *sync.WaitGroup, results chan<- error) {
	ctx, _ := context.WithTimeout(context.Background(), time.Minute)
	wg.Add(1)
	go func() {
		defer wg.Done()
		results <- ctx.Err()
	}()
}

func exercise() {
	var wg sync.WaitGroup
	results := make(chan error, 1)
	startWorker(&wg, results)
	wg.Wait()
	fmt.Println(<-results)
}
