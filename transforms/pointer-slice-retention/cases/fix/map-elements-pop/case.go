// A batcher queues batches of labelled values as maps; popping a batch reslices, so
// every sent batch stays reachable from the backing array.
package main

import (
	"fmt"
	"runtime"
)

type batcher struct {
	batches []map[string][]byte
}

func (b *batcher) flushOne() int {
	batch := b.batches[0]
	b.batches = b.batches[1:]
	return len(batch)
}

// pending holds the batcher while the live heap is measured.
var pending *batcher

func exercise() {
	pending = &batcher{}
	for i := 0; i < 16; i++ {
		pending.batches = append(pending.batches, map[string][]byte{"data": make([]byte, 1<<20)})
	}
	flushed := 0
	for len(pending.batches) > 1 {
		flushed += pending.flushOne()
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d flushed, %d pending\n", flushed, len(pending.batches))
}
