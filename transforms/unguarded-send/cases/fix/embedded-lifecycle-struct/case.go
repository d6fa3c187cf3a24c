// The stop signal lives in an embedded struct: lifecycle owns quit and Stop. The tailer
// that embeds it checks quit before each line, but then sends the line with a plain
// send, which blocks forever once the reader has stopped.
package main

import (
	"fmt"
	"sync"
	"time"
)

type lifecycle struct {
	quit chan struct{}
	once sync.Once
}

func (l *lifecycle) Stop() { l.once.Do(func() { close(l.quit) }) }

type tailer struct {
	lifecycle
	lines  chan string
	source []string
}

func newTailer(source []string) *tailer {
	t := &tailer{lifecycle: lifecycle{quit: make(chan struct{})}, lines: make(chan string), source: source}
	go t.run()
	return t
}

func (t *tailer) run() {
	for _, line := range t.source {
		select {
		case <-t.quit:
			return
		default:
		}
		t.lines <- line
	}
}

// exercise reads the first line and stops while the tailer sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		t := newTailer([]string{"one", "two", "three"})
		fmt.Println(<-t.lines)
		time.Sleep(10 * time.Millisecond)
		t.Stop()
	}
}

func steady() {
	t := newTailer([]string{"one", "two", "three"})
	fmt.Println(<-t.lines, <-t.lines, <-t.lines)
	t.Stop()
}
