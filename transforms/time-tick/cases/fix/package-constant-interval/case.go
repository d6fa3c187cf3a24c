// The interval is a package constant built from another constant, so it is known to
// be positive.
package main

import (
	"fmt"
	"time"
)

const (
	baseInterval  = 15 * time.Second
	flushInterval = baseInterval * 4
)

type buffer struct {
	lines   chan string
	stored  int
	flushes int
}

func (b *buffer) drain() {
	flush := time.Tick(flushInterval)
	for {
		select {
		case line, ok := <-b.lines:
			if !ok {
				return
			}
			b.stored += len(line)
		case <-flush:
			b.flushes++
		}
	}
}

func exercise() {
	stored := 0
	for i := 0; i < 100000; i++ {
		b := &buffer{lines: make(chan string, 1)}
		b.lines <- "line"
		close(b.lines)
		b.drain()
		stored += b.stored
	}
	fmt.Println("stored:", stored)
}
