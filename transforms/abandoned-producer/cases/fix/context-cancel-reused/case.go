// The producer already passes ctx to each lookup, and the function cancels ctx when
// it returns. The function returns at the first match, so the producer blocks on
// its next send unless the send also waits on ctx.Done().
package main

import (
	"context"
	"fmt"
	"strings"
)

func lookup(ctx context.Context, id int) string {
	if ctx.Err() != nil {
		return ""
	}
	return strings.Repeat("x", id)
}

func firstWithLength(parent context.Context, ids []int, want int) (int, bool) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	names := make(chan string)
	go func() {
		defer close(names)
		for _, id := range ids {
			names <- lookup(ctx, id)
		}
	}()

	position := 0
	for name := range names {
		if len(name) == want {
			return ids[position], true
		}
		position++
	}
	return 0, false
}

func exercise() {
	fmt.Println(firstWithLength(context.Background(), []int{1, 2, 3, 4}, 2))
	fmt.Println(firstWithLength(context.Background(), []int{5, 6, 7}, 5))
}

func steady() {
	fmt.Println(firstWithLength(context.Background(), []int{1, 2, 3}, 9))
	fmt.Println(firstWithLength(context.Background(), []int{4, 8}, 8))
}
