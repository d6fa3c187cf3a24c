// Close closes stop and then waits for the pipeline's final error on errc. The reader of
// errc is the stopper itself, so the send must not give up when stop closes: a select
// would let it drop the error while Close waits for it.
package main

import (
	"errors"
	"fmt"
)

type pipeline struct {
	files chan string
	errc  chan error
	stop  chan struct{}
}

func newPipeline() *pipeline {
	p := &pipeline{files: make(chan string), errc: make(chan error, 1), stop: make(chan struct{})}
	go p.run()
	return p
}

func (p *pipeline) Close() error {
	close(p.stop)
	return <-p.errc
}

func (p *pipeline) run() {
	defer close(p.errc)
	for i := 0; ; i++ {
		if i == 2 {
			p.errc <- errors.New("disk full")
			return
		}
		select {
		case p.files <- fmt.Sprint("file-", i):
		case <-p.stop:
			return
		}
	}
}

func exercise() {
	p := newPipeline()
	fmt.Println(<-p.files, <-p.files)
	fmt.Println(p.Close())
}
