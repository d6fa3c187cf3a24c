// resumec is closed to tell the current substreams to resume elsewhere, and made again
// at once: it marks a generation, not the end of the stream, so it is no stop signal.
package main

import "fmt"

type stream struct {
	resumec chan struct{}
	events  chan int
}

func newStream() *stream {
	return &stream{resumec: make(chan struct{}), events: make(chan int)}
}

func (s *stream) resume() {
	close(s.resumec)
	s.resumec = make(chan struct{})
}

func (s *stream) serve(resumec chan struct{}) {
	for i := 0; ; i++ {
		select {
		case <-resumec:
			return
		default:
		}
		s.events <- i
	}
}

func exercise() {
	s := newStream()
	go s.serve(s.resumec)
	fmt.Println(<-s.events)
	s.resume()
	fmt.Println(<-s.events)
}
