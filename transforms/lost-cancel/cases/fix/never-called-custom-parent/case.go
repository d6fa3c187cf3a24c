// The cancel function is kept only to satisfy the compiler. The parent is a custom
// context type, so the context package starts a goroutine that waits for the parent
// or the child to be done; without cancel, that goroutine waits forever.
package main

import (
	"context"
	"fmt"
	"strings"
)

type connContext struct {
	context.Context
	closed chan struct{}
}

func (c *connContext) Done() <-chan struct{} { return c.closed }

func process(ctx context.Context, request string) int {
	if ctx.Err() != nil {
		return 0
	}
	return len(strings.TrimSpace(request))
}

func handle(conn *connContext, request string) int {
	ctx, cancel := context.WithCancel(conn)
	_ = cancel
	return process(ctx, request)
}

func exercise() {
	conn := &connContext{Context: context.Background(), closed: make(chan struct{})}
	total := 0
	for i := 0; i < 5; i++ {
		total += handle(conn, " ping ")
	}
	fmt.Println("handled:", total)
}
