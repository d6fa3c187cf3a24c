// The send is a case of a select with a default, so it never blocks: it drops the value
// when no receiver is ready.
package main

import "fmt"

type notifier struct {
	events chan string
	quit   chan struct{}
}

func newNotifier() *notifier {
	n := &notifier{events: make(chan string, 1), quit: make(chan struct{})}
	go n.run()
	return n
}

func (n *notifier) Stop() { close(n.quit) }

func (n *notifier) run() {
	for i := 0; i < 3; i++ {
		select {
		case n.events <- fmt.Sprint("event ", i):
		default:
		}
	}
	<-n.quit
}

func exercise() {
	n := newNotifier()
	n.Stop()
	fmt.Println("stopped")
}
