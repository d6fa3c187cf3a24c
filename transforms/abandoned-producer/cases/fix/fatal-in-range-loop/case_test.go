// The test ranges over events and stops at the first bad one with t.Fatalf, which
// ends the test goroutine and leaves the producer blocked on its next send.
package leakcase

import (
	"fmt"
	"testing"
)

func TestEventsAreOrdered(t *testing.T) {
	events := make(chan string)
	go func() {
		defer close(events)
		for i := 0; i < 5; i++ {
			events <- fmt.Sprintf("event-%d", i)
		}
	}()

	want := []string{"event-0", "event-1", "event-3"}
	i := 0
	for event := range events {
		if i < len(want) && event != want[i] {
			t.Fatalf("event %d: got %s, want %s", i, event, want[i])
		}
		i++
	}
}

func TestAllEventsArrive(t *testing.T) {
	events := make(chan string)
	go func() {
		defer close(events)
		for i := 0; i < 3; i++ {
			events <- fmt.Sprintf("event-%d", i)
		}
	}()

	count := 0
	for range events {
		count++
	}
	if count != 3 {
		t.Fatalf("got %d events, want 3", count)
	}
}
