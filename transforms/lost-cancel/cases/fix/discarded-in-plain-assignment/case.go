// The context variable already exists, so the statement is a plain assignment; the fix
// declares the cancel function before it.
package main

import (
	"context"
	"fmt"
	"time"
)

func lookup(ctx context.Context, limit time.Duration) error {
	if limit > 0 {
		ctx, _ = context.WithTimeout(ctx, limit)
	}
	return ctx.Err()
}

func exercise() {
	fmt.Println(lookup(context.Background(), time.Minute), lookup(context.Background(), 0))
}
