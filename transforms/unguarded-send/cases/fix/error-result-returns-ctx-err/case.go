// pump returns an error and checks the uploader's context before each part, but reports
// progress with a plain send. After Cancel the progress has no reader, so the pump
// blocks forever. The fix returns the context's error instead.
package main

import (
	"context"
	"fmt"
	"time"
)

type uploader struct {
	ctx      context.Context
	cancel   context.CancelFunc
	parts    []string
	progress chan string
	done     chan error
}

func newUploader(parts []string) *uploader {
	ctx, cancel := context.WithCancel(context.Background())
	return &uploader{ctx: ctx, cancel: cancel, parts: parts, progress: make(chan string), done: make(chan error, 1)}
}

func (u *uploader) Start() {
	go func() {
		u.done <- u.pump()
	}()
}

func (u *uploader) Cancel() { u.cancel() }

func (u *uploader) pump() error {
	for _, part := range u.parts {
		if err := u.ctx.Err(); err != nil {
			return err
		}
		u.progress <- part
	}
	return nil
}

// exercise reads the first part's progress and cancels while the second is sent.
func exercise() {
	for i := 0; i < 3; i++ {
		u := newUploader([]string{"part-1", "part-2"})
		u.Start()
		fmt.Println(<-u.progress)
		time.Sleep(10 * time.Millisecond)
		u.Cancel()
	}
}

func steady() {
	u := newUploader([]string{"part-1", "part-2"})
	u.Start()
	fmt.Println(<-u.progress, <-u.progress)
	fmt.Println("error:", <-u.done)
	u.Cancel()
}
