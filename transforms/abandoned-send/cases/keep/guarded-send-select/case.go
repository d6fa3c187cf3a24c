// The goroutine sends inside a select that also waits on ctx.Done(), and the
// caller cancels ctx when it returns, so the sender can always finish.
package main

import (
	"context"
	"fmt"
	"time"
)

func lookupOwner(repo string, delay time.Duration) string {
	time.Sleep(delay)
	return "owner-of-" + repo
}

func owner(repo string, wait, delay time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()

	owners := make(chan string)
	go func() {
		name := lookupOwner(repo, delay)
		select {
		case owners <- name:
		case <-ctx.Done():
		}
	}()

	select {
	case name := <-owners:
		return name, nil
	case <-ctx.Done():
		return "", fmt.Errorf("owner of %s: %w", repo, ctx.Err())
	}
}

func exercise() {
	for _, repo := range []string{"tools", "site", "infra"} {
		fmt.Println(owner(repo, 2*time.Millisecond, 20*time.Millisecond))
	}
}
