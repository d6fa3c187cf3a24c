// doOp hands an operation to the loop and then always waits for the reply on opDone.
// The loop's reply has a reader that never gives up, so a select on quit could drop
// the reply and leave doOp waiting forever.
package main

import "fmt"

type server struct {
	ops    chan func(map[string]int)
	opDone chan struct{}
	quit   chan struct{}
	peers  map[string]int
}

func newServer() *server {
	s := &server{ops: make(chan func(map[string]int)), opDone: make(chan struct{}), quit: make(chan struct{}), peers: map[string]int{"a": 1}}
	go s.run()
	return s
}

func (s *server) Stop() { close(s.quit) }

func (s *server) doOp(op func(map[string]int)) {
	select {
	case s.ops <- op:
		<-s.opDone
	case <-s.quit:
	}
}

func (s *server) run() {
	for {
		select {
		case op := <-s.ops:
			op(s.peers)
			s.opDone <- struct{}{}
		case <-s.quit:
			return
		}
	}
}

func exercise() {
	s := newServer()
	s.doOp(func(peers map[string]int) { fmt.Println(len(peers), "peer") })
	s.Stop()
}
