// A lock-protected FIFO pops with a tuple assignment `head, q.items = q.items[0],
// q.items[1:]`; the vacated slot still references the item, so the backing array keeps it
// alive until append happens to reallocate.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type fifo struct {
	mu     sync.Mutex
	ready  *sync.Cond
	items  []interface{}
	closed bool
}

func newFIFO() *fifo {
	q := &fifo{}
	q.ready = sync.NewCond(&q.mu)
	return q
}

func (q *fifo) put(it interface{}) {
	q.mu.Lock()
	q.items = append(q.items, it)
	q.mu.Unlock()
	q.ready.Signal()
}

// take blocks until an item is available or the queue is closed.
func (q *fifo) take() (interface{}, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.ready.Wait()
	}
	if len(q.items) == 0 {
		return nil, false
	}
	var head interface{}
	head, q.items = q.items[0], q.items[1:]
	return head, true
}

// queue holds the queue while the live heap is measured.
var queue *fifo

func exercise() {
	queue = newFIFO()
	for i := 0; i < 32; i++ {
		queue.put(make([]byte, 1<<20)) // 1 MiB work items
	}
	for i := 0; i < 31; i++ {
		queue.take() // processed and dropped by the worker
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d item(s) queued\n", len(queue.items))
}
