package leakcase

import (
	"testing"
	"time"
)

// A test collects events with a per-event timeout. The test binary ends with its
// tests, so the few timers it leaves behind are left alone.
func TestEventsArrive(t *testing.T) {
	events := make(chan int, 3)
	for i := 0; i < 3; i++ {
		events <- i
	}
	for got := 0; got < 3; got++ {
		select {
		case <-events:
		case <-time.After(time.Second):
			t.Fatalf("event %d did not arrive", got)
		}
	}
}
