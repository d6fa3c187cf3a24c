// The channel is declared with var. A flush that outlives the deadline is never
// received from, so the flushing goroutine blocks unless the channel has a slot.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

func writeOut(lines []string, delay time.Duration) bool {
	time.Sleep(delay)
	return len(strings.Join(lines, "\n")) > 0
}

func flushWithin(lines []string, wait, delay time.Duration) error {
	var flushed = make(chan bool)
	go func() {
		flushed <- writeOut(lines, delay)
	}()

	select {
	case ok := <-flushed:
		if !ok {
			return errors.New("flush: nothing to write")
		}
		return nil
	case <-time.After(wait):
		return fmt.Errorf("flush of %d lines: timed out", len(lines))
	}
}

func exercise() {
	for _, n := range []int{1, 2, 3} {
		fmt.Println(flushWithin(make([]string, n), 2*time.Millisecond, 20*time.Millisecond))
	}
}

func steady() {
	fmt.Println(flushWithin([]string{"a", "b"}, time.Second, 0))
	fmt.Println(flushWithin(nil, time.Second, 0))
}
