// The cancel function is wrapped in a stop closure that the caller receives.
package main

import (
	"context"
	"fmt"
)

func start(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	stop := func() {
		fmt.Println("stopping")
		cancel()
	}
	return ctx, stop
}

func exercise() {
	ctx, stop := start(context.Background())
	stop()
	fmt.Println(ctx.Err())
}
