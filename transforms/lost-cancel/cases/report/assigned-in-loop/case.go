// The loop assigns a context declared outside it, which code after the loop may use,
// so cancelling at the end of each iteration could cancel it too early.
package main

import (
	"context"
	"fmt"
	"time"
)

func lastWindow(parent context.Context, windows int) error {
	ctx := parent
	for i := 0; i < windows; i++ {
		ctx, _ = context.WithTimeout(parent, time.Duration(i+1)*time.Second)
	}
	return ctx.Err()
}

func exercise() {
	fmt.Println(lastWindow(context.Background(), 3))
}
