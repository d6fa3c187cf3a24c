// A task runner queues closures; each closure captures a large buffer. Running a task
// reslices the queue, so the closure and its buffer stay reachable.
package main

import (
	"fmt"
	"runtime"
)

type runner struct {
	tasks []func() int
}

func (r *runner) add(buf []byte) {
	r.tasks = append(r.tasks, func() int { return len(buf) })
}

func (r *runner) runOne() int {
	task := r.tasks[0]
	r.tasks = r.tasks[1:]
	return task()
}

// tasks holds the runner while the live heap is measured.
var tasks *runner

func exercise() {
	tasks = &runner{}
	for i := 0; i < 16; i++ {
		tasks.add(make([]byte, 1<<20))
	}
	total := 0
	for len(tasks.tasks) > 1 {
		total += tasks.runOne()
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("ran tasks over %d bytes, %d left\n", total, len(tasks.tasks))
}
