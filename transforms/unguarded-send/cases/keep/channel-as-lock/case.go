// read is a channel of capacity one used as a lock: the method takes the state out and
// puts it back. The send returns what this same code received, so its slot is free.
package main

import (
	"fmt"
	"sync"
)

type state struct{ position int }

type logFile struct {
	read   chan *state
	closed chan struct{}
	once   sync.Once
}

func newLogFile() *logFile {
	l := &logFile{read: make(chan *state, 1), closed: make(chan struct{})}
	l.read <- &state{}
	return l
}

func (l *logFile) Close() { l.once.Do(func() { close(l.closed) }) }

func (l *logFile) Write(n int) error {
	select {
	case <-l.closed:
		return fmt.Errorf("write after close")
	default:
	}
	st := <-l.read
	defer func() { l.read <- st }()
	st.position += n
	return nil
}

func exercise() {
	l := newLogFile()
	fmt.Println(l.Write(3), l.Write(4))
	l.Close()
	fmt.Println(l.Write(1))
}
