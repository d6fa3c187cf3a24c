// A write buffer queues chunks as byte slices; writing a chunk reslices the queue, so
// every written chunk stays reachable from the backing array.
package main

import (
	"fmt"
	"io"
	"runtime"
)

type writeQueue struct {
	chunks [][]byte
}

func (q *writeQueue) writeOne(w io.Writer) error {
	_, err := w.Write(q.chunks[0])
	q.chunks = q.chunks[1:]
	return err
}

// queue holds the queue while the live heap is measured.
var queue *writeQueue

func exercise() {
	queue = &writeQueue{}
	for i := 0; i < 16; i++ {
		queue.chunks = append(queue.chunks, make([]byte, 1<<20))
	}
	for len(queue.chunks) > 1 {
		if err := queue.writeOne(io.Discard); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d chunks left\n", len(queue.chunks))
}
