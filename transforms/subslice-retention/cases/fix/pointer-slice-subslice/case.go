// A page cache keeps the first few entries of every listing it builds. The kept entries
// are a subslice of a slice sized for the whole listing, so its whole backing array (and
// every entry it points to) stays alive.
package main

import (
	"fmt"
	"runtime"
)

type entry struct {
	name    string
	payload []byte
}

type pageCache struct {
	firstPages [][]*entry
}

func (c *pageCache) addListing(count int) {
	entries := make([]*entry, count)
	for i := range entries {
		entries[i] = &entry{name: fmt.Sprint("e", i), payload: make([]byte, 1024)}
	}
	c.firstPages = append(c.firstPages, entries[:2])
}

// kept holds the cache while the live heap is measured.
var kept *pageCache

func exercise() {
	kept = &pageCache{}
	for i := 0; i < 8; i++ {
		kept.addListing(1000)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d pages, first entry %s\n", len(kept.firstPages), kept.firstPages[0][0].name)
}
