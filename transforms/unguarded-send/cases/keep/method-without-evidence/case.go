// Notify is a plain method that neither watches the stop signal nor runs as the
// object's loop. Whether its callers may block after Close is up to their protocol,
// which the syntax does not show, so the send is left alone.
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	changes chan string
	quit    chan struct{}
	once    sync.Once
}

func newRegistry() *registry {
	return &registry{changes: make(chan string, 16), quit: make(chan struct{})}
}

func (r *registry) Close() { r.once.Do(func() { close(r.quit) }) }

func (r *registry) Notify(name string) {
	r.changes <- name
}

func (r *registry) watch() {
	for {
		select {
		case name := <-r.changes:
			fmt.Println("changed", name)
		case <-r.quit:
			return
		}
	}
}

func exercise() {
	r := newRegistry()
	r.Notify("a")
	r.Close()
	r.watch()
}
