// The channel is stored in a struct field, and a later method receives from it
// after the timeout. Code outside the function can read it, so the rule leaves it.
package main

import (
	"fmt"
	"time"
)

type compileJob struct {
	source   string
	inflight chan string
}

func compileSource(source string, delay time.Duration) string {
	time.Sleep(delay)
	return "obj(" + source + ")"
}

func (j *compileJob) start(wait, delay time.Duration) (string, error) {
	objects := make(chan string)
	j.inflight = objects
	go func() {
		objects <- compileSource(j.source, delay)
	}()

	select {
	case obj := <-objects:
		j.inflight = nil
		return obj, nil
	case <-time.After(wait):
		return "", fmt.Errorf("compile %s: still running", j.source)
	}
}

// finish waits for a compile that start gave up on.
func (j *compileJob) finish() string {
	if j.inflight == nil {
		return ""
	}
	obj := <-j.inflight
	j.inflight = nil
	return obj
}

func exercise() {
	for _, source := range []string{"main.c", "util.c", "io.c"} {
		job := &compileJob{source: source}
		fmt.Println(job.start(2*time.Millisecond, 20*time.Millisecond))
		fmt.Println(job.finish())
	}
}
