// An event bus queues events as `any`; popping reslices, so every delivered event stays
// reachable from the backing array.
package main

import (
	"fmt"
	"runtime"
)

type bus struct {
	events []any
}

func (b *bus) publish(event any) {
	b.events = append(b.events, event)
}

func (b *bus) deliver() any {
	event := b.events[0]
	b.events = b.events[1:]
	return event
}

// events holds the bus while the live heap is measured.
var events *bus

func exercise() {
	events = &bus{}
	for i := 0; i < 16; i++ {
		events.publish(make([]byte, 1<<20))
	}
	delivered := 0
	for len(events.events) > 1 {
		if event := events.deliver(); event != nil {
			delivered++
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d delivered, %d queued\n", delivered, len(events.events))
}
