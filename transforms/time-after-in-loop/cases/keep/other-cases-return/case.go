// A retry loop waits between attempts. The only other case returns, so a timer is
// abandoned at most once per call: no leak.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func retry(ctx context.Context, attempts int, wait time.Duration, try func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = try(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
	return err
}

func exercise() {
	calls := 0
	err := retry(context.Background(), 3, time.Millisecond, func() error {
		calls++
		return errors.New("busy")
	})
	fmt.Println(calls, err)
}
