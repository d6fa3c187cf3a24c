// A price quote returns as soon as its context ends. The pricing goroutine
// then blocks forever on its unbuffered send, so the channel needs one slot.
package main

import (
	"context"
	"fmt"
	"time"
)

func computePrice(sku string, delay time.Duration) int {
	time.Sleep(delay)
	return len(sku) * 125
}

func quote(ctx context.Context, sku string, delay time.Duration) (int, error) {
	prices := make(chan int)
	go func() {
		prices <- computePrice(sku, delay)
	}()

	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case price := <-prices:
		return price, nil
	}
}

func printQuote(sku string, limit, delay time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	price, err := quote(ctx, sku, delay)
	fmt.Println(sku, price, err)
}

func exercise() {
	for _, sku := range []string{"lamp", "desk", "armchair", "shelf"} {
		printQuote(sku, 2*time.Millisecond, 20*time.Millisecond)
	}
}

func steady() {
	for _, sku := range []string{"lamp", "desk", "armchair", "shelf"} {
		printQuote(sku, time.Second, 0)
	}
}
