// A value is attached to the timeout context and the result is used only inside the
// function, so cancelling on return is safe.
package main

import (
	"context"
	"fmt"
	"time"
)

type traceKey struct{}

func traced(ctx context.Context) string {
	id, _ := ctx.Value(traceKey{}).(string)
	return id
}

func handle(parent context.Context, id string) string {
	ctx, _ := context.WithTimeout(parent, time.Minute)
	withTrace := context.WithValue(ctx, traceKey{}, id)
	return "handled " + traced(withTrace)
}

func exercise() {
	fmt.Println(handle(context.Background(), "req-1"))
}
