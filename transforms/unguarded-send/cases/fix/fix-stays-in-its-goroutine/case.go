// Serve starts a goroutine whose loop forwards stats, and reports on started from its own
// body. Only the goroutine's send is fixed: the select the fix writes there watches done,
// but it is no evidence about Serve's own send, which stays as it is.
package main

import (
	"fmt"
	"time"
)

type fakeServer struct {
	started chan string
	stats   chan int
	done    chan struct{}
}

func newFakeServer() *fakeServer {
	return &fakeServer{started: make(chan string, 1), stats: make(chan int), done: make(chan struct{})}
}

func (s *fakeServer) stop() { close(s.done) }

func (s *fakeServer) Serve(name string, reports []int) {
	s.started <- name
	go func() {
		for _, r := range reports {
			s.stats <- r
		}
	}()
}

// exercise reads one report and stops while the goroutine sends the second.
func exercise() {
	for i := 0; i < 3; i++ {
		s := newFakeServer()
		s.Serve("lb", []int{1, 2})
		fmt.Println(<-s.started, <-s.stats)
		time.Sleep(10 * time.Millisecond)
		s.stop()
	}
}

func steady() {
	s := newFakeServer()
	s.Serve("lb", []int{1, 2})
	fmt.Println(<-s.started, <-s.stats, <-s.stats)
	s.stop()
}
