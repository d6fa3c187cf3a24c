// A retry loop waits between attempts and stops waiting when the context is done. The
// Done case falls through to the next request, which fails with the context's error
// and ends the loop, so no timer outlives more than one iteration.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errNoResponders = errors.New("no responders")

func request(ctx context.Context, attempt int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if attempt < 2 {
		return errNoResponders
	}
	return nil
}

func publish(ctx context.Context, retries int, wait time.Duration) error {
	err := request(ctx, 0)
	for r := 0; errors.Is(err, errNoResponders) && r < retries; r++ {
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		err = request(ctx, r+1)
	}
	return err
}

func exercise() {
	fmt.Println(publish(context.Background(), 5, time.Millisecond))
}
