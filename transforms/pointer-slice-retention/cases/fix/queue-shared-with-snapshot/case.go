// The queue also hands out its slice as a snapshot, which shares the backing array, so
// clearing the popped slot could change what a snapshot shows. The fix is unsafe: it is
// written only with --unsafe-fixes.
package main

import (
	"fmt"
	"runtime"
)

type frame struct {
	pixels []byte
}

type frameQueue struct {
	frames []*frame
}

func (q *frameQueue) snapshot() []*frame {
	return q.frames
}

func (q *frameQueue) pop() *frame {
	f := q.frames[0]
	q.frames = q.frames[1:]
	return f
}

// queue holds the queue while the live heap is measured.
var queue *frameQueue

func exercise() {
	queue = &frameQueue{}
	for i := 0; i < 16; i++ {
		queue.frames = append(queue.frames, &frame{pixels: make([]byte, 1<<20)})
	}
	fmt.Println("snapshot of", len(queue.snapshot()), "frames")
	shown := 0
	for len(queue.frames) > 1 {
		shown += len(queue.pop().pixels)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("showed %d bytes, %d left\n", shown, len(queue.frames))
}
