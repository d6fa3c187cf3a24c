// The watcher builds each event as a composite literal over several lines and sends it
// with a plain send. The select that replaces the send keeps the literal as it is.
package main

import (
	"fmt"
	"time"
)

type event struct {
	Key      string
	Revision int
	Deleted  bool
}

type watcher struct {
	keys   []string
	events chan event
	stopc  chan struct{}
}

func newWatcher(keys []string) *watcher {
	w := &watcher{keys: keys, events: make(chan event), stopc: make(chan struct{})}
	go w.run()
	return w
}

func (w *watcher) Stop() { close(w.stopc) }

func (w *watcher) run() {
	for revision, key := range w.keys {
		select {
		case <-w.stopc:
			return
		case <-time.After(time.Millisecond):
		}
		w.events <- event{
			Key:      key,
			Revision: revision + 1,
			Deleted:  false,
		}
	}
}

// exercise reads one event and stops while the watcher sends the next.
func exercise() {
	for i := 0; i < 3; i++ {
		w := newWatcher([]string{"a", "b", "c"})
		fmt.Println(<-w.events)
		time.Sleep(10 * time.Millisecond)
		w.Stop()
	}
}

func steady() {
	w := newWatcher([]string{"a", "b", "c"})
	fmt.Println(<-w.events, <-w.events, <-w.events)
	w.Stop()
}
