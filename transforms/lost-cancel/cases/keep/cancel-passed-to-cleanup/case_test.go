package leakcase

import (
	"context"
	"testing"
	"time"
)

// t.Cleanup calls the cancel function when the test ends.
func TestCleanupCancels(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	if ctx.Err() != nil {
		t.Fatal(ctx.Err())
	}
}
