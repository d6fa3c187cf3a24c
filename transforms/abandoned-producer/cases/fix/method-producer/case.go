// The producer is an unexported method started with `go s.scan(ch)`. The consumer
// returns at the first error line and the method blocks on its next send.
package main

import (
	"fmt"
	"strings"
)

type scanner struct {
	lines []string
}

func (s *scanner) scan(out chan<- string) {
	defer close(out)
	for _, line := range s.lines {
		out <- strings.ToUpper(line)
	}
}

func (s *scanner) firstError() string {
	ch := make(chan string)
	go s.scan(ch)
	for line := range ch {
		if strings.HasPrefix(line, "ERROR") {
			return line
		}
	}
	return ""
}

func exercise() {
	s := &scanner{lines: []string{"ok", "error: disk", "ok", "error: net"}}
	fmt.Println(s.firstError())
}

func steady() {
	s := &scanner{lines: []string{"ok", "ok"}}
	fmt.Println(s.firstError())
}
