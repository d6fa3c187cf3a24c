// The context and its cancel function are returned; the caller owns them.
package main

import (
	"context"
	"fmt"
	"time"
)

func withBudget(parent context.Context, budget time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, budget)
	return ctx, cancel
}

func exercise() {
	ctx, cancel := withBudget(context.Background(), time.Minute)
	defer cancel()
	fmt.Println(ctx.Err())
}
