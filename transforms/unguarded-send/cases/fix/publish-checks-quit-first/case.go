// Publish checks quit before it sends, but the check and the send are two steps: a
// publisher that passed the check just before Close blocks forever, because the
// dispatcher leaves once quit is closed.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var errClosed = errors.New("bus closed")

type bus struct {
	events chan string
	quit   chan struct{}
	once   sync.Once
}

func newBus() *bus {
	return &bus{events: make(chan string), quit: make(chan struct{})}
}

func (b *bus) Close() { b.once.Do(func() { close(b.quit) }) }

func (b *bus) Publish(event string) error {
	select {
	case <-b.quit:
		return errClosed
	default:
	}
	b.events <- event
	return nil
}

func (b *bus) dispatch(handle func(string)) {
	for {
		// Shutdown wins over pending events.
		select {
		case <-b.quit:
			return
		default:
		}
		select {
		case event := <-b.events:
			handle(event)
		case <-b.quit:
			return
		}
	}
}

// exercise closes the bus while one publisher waits for the busy dispatcher.
func exercise() {
	for i := 0; i < 3; i++ {
		b := newBus()
		go b.dispatch(func(string) { time.Sleep(20 * time.Millisecond) })
		if err := b.Publish("first"); err != nil {
			fmt.Println(err)
		}
		go func() { _ = b.Publish("second") }()
		time.Sleep(5 * time.Millisecond)
		b.Close()
	}
	fmt.Println("closed 3 buses")
}

func steady() {
	var handled sync.WaitGroup
	b := newBus()
	go b.dispatch(func(event string) {
		fmt.Println("handled", event)
		handled.Done()
	})
	for _, event := range []string{"a", "b", "c"} {
		handled.Add(1)
		if err := b.Publish(event); err != nil {
			fmt.Println(err)
		}
		handled.Wait()
	}
	b.Close()
	fmt.Println(b.Publish("late"))
}
