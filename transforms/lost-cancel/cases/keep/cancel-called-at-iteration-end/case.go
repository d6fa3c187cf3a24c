// Each iteration cancels its own context before the next one starts.
package main

import (
	"context"
	"fmt"
	"time"
)

func pingAll(parent context.Context, hosts []string) int {
	ok := 0
	for _, host := range hosts {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		if ctx.Err() == nil && host != "" {
			ok++
		}
		cancel()
	}
	return ok
}

func exercise() {
	fmt.Println(pingAll(context.Background(), []string{"a", "b"}))
}
