// Pending uploads wait in a package-level slice; the uploader pops the first one and
// reslices, so every uploaded buffer stays reachable from the backing array.
package main

import (
	"fmt"
	"runtime"
)

var pending []*[]byte

func enqueue(buf *[]byte) {
	pending = append(pending, buf)
}

func uploadNext() int {
	if len(pending) == 0 {
		return 0
	}
	size := len(*pending[0])
	pending = pending[1:]
	return size
}

func exercise() {
	for i := 0; i < 16; i++ {
		buf := make([]byte, 1<<20)
		enqueue(&buf)
	}
	total := 0
	for len(pending) > 1 {
		total += uploadNext()
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("uploaded %d bytes, %d pending\n", total, len(pending))
}
