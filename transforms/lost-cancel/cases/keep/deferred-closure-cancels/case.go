// A deferred closure calls cancel after logging, so cancel runs on every return.
package main

import (
	"context"
	"fmt"
	"time"
)

func timed(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	defer func() {
		fmt.Println("finished")
		cancel()
	}()
	return ctx.Err()
}

func exercise() {
	fmt.Println(timed(context.Background()))
}
