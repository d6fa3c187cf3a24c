// The usual shape: cancel is deferred right after the context is made.
package main

import (
	"context"
	"fmt"
	"time"
)

func fetch(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	defer cancel()
	return ctx.Err()
}

func exercise() {
	fmt.Println(fetch(context.Background()))
}
