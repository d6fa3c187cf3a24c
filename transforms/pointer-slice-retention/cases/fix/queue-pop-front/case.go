// A job queue pops the first job and reslices. The popped job stays reachable from the
// backing array, with the large payload it carries.
package main

import (
	"fmt"
	"runtime"
)

type job struct {
	id      int
	payload []byte
}

type jobQueue struct {
	jobs []*job
}

func (q *jobQueue) push(j *job) {
	q.jobs = append(q.jobs, j)
}

func (q *jobQueue) pop() *job {
	if len(q.jobs) == 0 {
		return nil
	}
	next := q.jobs[0]
	q.jobs = q.jobs[1:]
	return next
}

// queue holds the queue while the live heap is measured.
var queue *jobQueue

func exercise() {
	queue = &jobQueue{}
	for i := 0; i < 16; i++ {
		queue.push(&job{id: i, payload: make([]byte, 1<<20)})
	}
	done := 0
	for j := queue.pop(); j != nil && j.id < 15; j = queue.pop() {
		done++
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d jobs done, %d left\n", done, len(queue.jobs))
}
