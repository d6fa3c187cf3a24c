// A cache evicts its oldest entry by deleting index 0 with append. The old last entry
// stays in the slot past the new length until it is overwritten.
package main

import (
	"fmt"
	"runtime"
)

type entry struct {
	key   string
	value []byte
}

type cache struct {
	entries []*entry
}

func (c *cache) evictOldest() {
	c.entries = append(c.entries[:0], c.entries[1:]...)
}

// kept holds the cache while the live heap is measured.
var kept *cache

func exercise() {
	kept = &cache{}
	for i := 0; i < 8; i++ {
		kept.entries = append(kept.entries, &entry{key: fmt.Sprint("k", i), value: make([]byte, 1<<20)})
	}
	// Each round evicts the oldest entry and then refreshes the newest one. The entry that
	// was newest before the refresh is left only in the slot past the new length.
	for len(kept.entries) > 1 {
		kept.evictOldest()
		last := len(kept.entries) - 1
		kept.entries[last] = &entry{key: fmt.Sprint("refreshed", last), value: make([]byte, 1<<20)}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d entries left\n", len(kept.entries))
}
