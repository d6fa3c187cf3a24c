// A watcher goroutine cancels the job's context on shutdown and otherwise waits for the
// context to be done. The job never cancels it, so after a normal finish the watcher
// waits for a shutdown that never comes.
package main

import (
	"context"
	"fmt"
)

type runner struct {
	shutdown chan struct{}
}

func (r *runner) runJob(job func(context.Context) int) int {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-ctx.Done():
		case <-r.shutdown:
			cancel()
		}
	}()
	return job(ctx)
}

func exercise() {
	r := &runner{shutdown: make(chan struct{})}
	total := 0
	for i := 0; i < 3; i++ {
		total += r.runJob(func(ctx context.Context) int {
			if ctx.Err() != nil {
				return 0
			}
			return 1
		})
	}
	fmt.Println("jobs:", total)
}
