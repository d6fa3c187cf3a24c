// A job reports that it finished from a deferred function, then marks itself done. Once
// Stop has closed quit the report has no reader, so the send blocks and the cleanup
// after it never runs. The fix gives up on the report and keeps the cleanup.
package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	name    string
	steps   int
	reports chan string
	quit    chan struct{}
	wg      sync.WaitGroup
}

func startJob(name string, steps int) *job {
	j := &job{name: name, steps: steps, reports: make(chan string), quit: make(chan struct{})}
	j.wg.Add(1)
	go j.run()
	return j
}

func (j *job) Stop() { close(j.quit) }

func (j *job) run() {
	defer func() {
		j.reports <- "finished " + j.name
		j.wg.Done()
	}()
	for i := 0; i < j.steps; i++ {
		select {
		case <-j.quit:
			return
		case <-time.After(time.Millisecond):
		}
	}
}

// exercise stops each job without reading its report.
func exercise() {
	for i := 0; i < 3; i++ {
		j := startJob("backup", 100)
		time.Sleep(5 * time.Millisecond)
		j.Stop()
	}
	fmt.Println("stopped 3 jobs")
}

// steady reads the report and waits for the cleanup.
func steady() {
	j := startJob("backup", 2)
	fmt.Println(<-j.reports)
	j.wg.Wait()
	j.Stop()
	fmt.Println("cleaned up")
}
