// WithTimeoutCause takes the cause up front and returns a plain CancelFunc, so the fix
// calls cancel() with no argument.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errSlowDisk = errors.New("disk too slow")

func flush(parent context.Context, blocks int) (int, error) {
	ctx, _ := context.WithTimeoutCause(parent, time.Minute, errSlowDisk)
	written := 0
	for written < blocks {
		if ctx.Err() != nil {
			return written, context.Cause(ctx)
		}
		written++
	}
	return written, nil
}

func exercise() {
	fmt.Println(flush(context.Background(), 4))
}
