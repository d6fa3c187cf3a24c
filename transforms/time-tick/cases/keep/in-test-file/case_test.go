package leakcase

import (
	"testing"
	"time"
)

// Tests end with their process, so a ticker in a test is left alone.
func TestTicksArrive(t *testing.T) {
	n := 0
	for range time.Tick(time.Millisecond) {
		n++
		if n == 2 {
			return
		}
	}
}
