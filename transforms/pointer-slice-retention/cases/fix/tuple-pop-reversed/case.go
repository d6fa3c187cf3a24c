// The pop writes the rest of the queue first and the head second; the popped message
// still stays reachable from the backing array.
package main

import (
	"fmt"
	"runtime"
)

type message struct {
	body []byte
}

type mailbox struct {
	messages []*message
}

func (m *mailbox) receive() *message {
	var first *message
	m.messages, first = m.messages[1:], m.messages[0]
	return first
}

// box holds the mailbox while the live heap is measured.
var box *mailbox

func exercise() {
	box = &mailbox{}
	for i := 0; i < 16; i++ {
		box.messages = append(box.messages, &message{body: make([]byte, 1<<20)})
	}
	read := 0
	for len(box.messages) > 1 {
		read += len(box.receive().body)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("read %d bytes, %d left\n", read, len(box.messages))
}
