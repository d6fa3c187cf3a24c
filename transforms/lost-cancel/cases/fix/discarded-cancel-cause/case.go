// WithCancelCause returns a CancelCauseFunc, which takes the cause: the fix calls
// cancel(nil), which records context.Canceled as the cause.
package main

import (
	"context"
	"fmt"
)

func stage(parent context.Context, input []int) (int, error) {
	ctx, _ := context.WithCancelCause(parent)
	sum := 0
	for _, v := range input {
		if err := ctx.Err(); err != nil {
			return sum, context.Cause(ctx)
		}
		sum += v
	}
	return sum, nil
}

func exercise() {
	fmt.Println(stage(context.Background(), []int{1, 2, 3}))
}
