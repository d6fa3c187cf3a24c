// Shape: per attempt, a child context with timeout plus a watcher goroutine that
// cancels it on shutdown. The watcher waits on the process-lifetime context, and
// cancel is only called on shutdown, so every attempt leaks a goroutine (and keeps
// its timer until the timeout). go vet stays quiet: cancel is referenced.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

type leaseReaper struct {
	base     context.Context // lives as long as the process
	shutdown chan struct{}
	perTry   time.Duration
	revoke   func(ctx context.Context, id string) error
}

// expire retries revocation of one lease a few times.
func (r *leaseReaper) expire(id string) error {
	var err error
	for try := 0; try < 3; try++ {
		tryCtx, cancel := context.WithTimeout(r.base, r.perTry)
		go func() {
			select {
			case <-r.base.Done():
			case <-r.shutdown:
				cancel() // abort the in-flight revoke on shutdown
			}
		}()
		if err = r.revoke(tryCtx, id); err == nil {
			return nil
		}
		time.Sleep(time.Millisecond << try)
	}
	return fmt.Errorf("lease %s: %w", id, err)
}

func exercise() {
	r := &leaseReaper{base: context.Background(), shutdown: make(chan struct{}), perTry: time.Minute,
		revoke: func(context.Context, string) error { return nil }}
	for i := 0; i < 100; i++ {
		_ = r.expire(fmt.Sprintf("lease-%d", i))
	}
	time.Sleep(20 * time.Millisecond)
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
