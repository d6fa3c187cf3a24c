// The context is returned, so cancelling it when the function returns would hand the
// caller a context that is already done.
package main

import (
	"context"
	"fmt"
	"time"
)

func budget(parent context.Context) context.Context {
	ctx, _ := context.WithTimeout(parent, time.Minute)
	return ctx
}

func exercise() {
	fmt.Println(budget(context.Background()).Err())
}
