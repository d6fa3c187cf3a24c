// A callback assigns a cancel variable declared by the function around it, and
// another callback calls it when the resource closes.
package main

import (
	"context"
	"fmt"
)

type hooks struct {
	build func()
	close func()
}

func install(h *hooks, updates chan<- int) {
	var cancel context.CancelFunc
	h.build = func() {
		var ctx context.Context
		ctx, cancel = context.WithCancel(context.Background())
		go func() {
			<-ctx.Done()
			updates <- 1
		}()
	}
	h.close = func() {
		cancel()
	}
}

func exercise() {
	updates := make(chan int, 1)
	h := &hooks{}
	install(h, updates)
	h.build()
	h.close()
	fmt.Println("updates:", <-updates)
}
