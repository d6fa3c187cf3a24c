// The scan goroutine counts finished scans after its send, and a cancelled
// caller leaves it blocked there. One slot fixes the leak, but the fix is unsafe
// because scans the caller gave up on are then counted too.
package main

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

var finishedScans atomic.Int64

func findMatches(text, word string, delay time.Duration) []string {
	time.Sleep(delay)
	var matches []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, word) {
			matches = append(matches, line)
		}
	}
	return matches
}

func scan(ctx context.Context, text, word string, delay time.Duration) ([]string, error) {
	found := make(chan []string)
	go func() {
		matches := findMatches(text, word, delay)
		found <- matches
		finishedScans.Add(1)
	}()

	select {
	case matches := <-found:
		return matches, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("scan for %q: %w", word, ctx.Err())
	}
}

const logText = "start\nerror: disk full\nretry\nerror: disk full\nstop"

func scanWithin(word string, limit, delay time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	fmt.Println(scan(ctx, logText, word, delay))
}

func exercise() {
	for _, word := range []string{"error", "retry", "stop"} {
		scanWithin(word, 2*time.Millisecond, 20*time.Millisecond)
	}
}

func steady() {
	for _, word := range []string{"error", "retry", "stop"} {
		scanWithin(word, time.Second, 0)
	}
}
