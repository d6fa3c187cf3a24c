// The hub sends on a channel of one of its subscribers, not on its own field. The
// subscriber's stop signal is not the hub's, so the send is left alone.
package main

import "fmt"

type subscriber struct {
	inbox chan string
}

type hub struct {
	subscribers []*subscriber
	broadcast   chan string
	quit        chan struct{}
}

func newHub() *hub {
	h := &hub{broadcast: make(chan string), quit: make(chan struct{})}
	go h.run()
	return h
}

func (h *hub) Stop() { close(h.quit) }

func (h *hub) run() {
	for {
		select {
		case message := <-h.broadcast:
			for _, s := range h.subscribers {
				s.inbox <- message
			}
		case <-h.quit:
			return
		}
	}
}

func exercise() {
	h := newHub()
	s := &subscriber{inbox: make(chan string, 1)}
	h.subscribers = append(h.subscribers, s)
	h.broadcast <- "hello"
	fmt.Println(<-s.inbox)
	h.Stop()
}
