// A server's main loop has no return: it runs until the process ends.
package main

import (
	"fmt"
	"time"
)

type server struct {
	requests chan string
	handled  int
	audits   int
}

func (s *server) loop() {
	audit := time.Tick(time.Minute)
	for {
		select {
		case r := <-s.requests:
			s.handled += len(r)
		case <-audit:
			s.audits++
		}
	}
}

func exercise() {
	s := &server{requests: make(chan string)}
	go s.loop()
	s.requests <- "get"
	fmt.Println("sent")
}
