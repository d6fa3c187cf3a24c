// The goroutine that owns the context cancels it when it finishes, whatever happens.
package main

import (
	"context"
	"fmt"
	"sync"
)

func runAsync(wg *sync.WaitGroup, work func(context.Context)) {
	ctx, cancel := context.WithCancel(context.Background())
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer cancel()
		work(ctx)
	}()
}

func exercise() {
	var wg sync.WaitGroup
	runAsync(&wg, func(ctx context.Context) { _ = ctx.Err() })
	wg.Wait()
	fmt.Println("done")
}
