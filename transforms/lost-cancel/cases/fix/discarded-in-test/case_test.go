package leakcase

import (
	"context"
	"testing"
	"time"
)

func query(ctx context.Context, id int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return id * 2, nil
}

// The test discards the cancel function of its timeout context.
func TestQueryDoubles(t *testing.T) {
	ctx, _ := context.WithTimeout(context.Background(), time.Minute)
	got, err := query(ctx, 21)
	if err != nil {
		t.Fatal(err)
	}
	if got != 42 {
		t.Fatalf("got %d, want 42", got)
	}
}
