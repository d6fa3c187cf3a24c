// A hub removes a subscriber channel by shifting the rest down. The removed channel,
// with the values buffered in it, stays in the slot past the new length.
package main

import (
	"fmt"
	"runtime"
)

type hub struct {
	subscribers []chan []byte
}

func (h *hub) unsubscribe(i int) {
	h.subscribers = append(h.subscribers[:i], h.subscribers[i+1:]...)
}

// kept holds the hub while the live heap is measured.
var kept *hub

func exercise() {
	kept = &hub{}
	for i := 0; i < 8; i++ {
		subscriber := make(chan []byte, 1)
		subscriber <- make([]byte, 1<<20) // an undelivered update
		kept.subscribers = append(kept.subscribers, subscriber)
	}
	for len(kept.subscribers) > 1 {
		kept.unsubscribe(len(kept.subscribers) - 1)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d subscribers left\n", len(kept.subscribers))
}
