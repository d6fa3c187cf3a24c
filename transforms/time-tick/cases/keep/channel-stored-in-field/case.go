// The channel is stored in a field, so it outlives the constructor by design.
package main

import (
	"fmt"
	"time"
)

type pacer struct{ ticks <-chan time.Time }

func newPacer(d time.Duration) *pacer {
	p := &pacer{}
	p.ticks = time.Tick(d)
	return p
}

func exercise() {
	p := newPacer(time.Millisecond)
	<-p.ticks
	fmt.Println("paced")
}
