// A retry queue holds request structs by value. Each struct holds a body slice, so a
// popped request's body stays reachable from the backing array.
package main

import (
	"fmt"
	"runtime"
)

type request struct {
	url  string
	body []byte
}

type retryQueue struct {
	requests []request
}

func (q *retryQueue) next() (request, bool) {
	if len(q.requests) == 0 {
		return request{}, false
	}
	r := q.requests[0]
	q.requests = q.requests[1:]
	return r, true
}

// queue holds the queue while the live heap is measured.
var queue *retryQueue

func exercise() {
	queue = &retryQueue{}
	for i := 0; i < 16; i++ {
		queue.requests = append(queue.requests, request{url: fmt.Sprint("/r", i), body: make([]byte, 1<<20)})
	}
	sent := 0
	for len(queue.requests) > 1 {
		if _, ok := queue.next(); ok {
			sent++
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d sent, %d left\n", sent, len(queue.requests))
}
