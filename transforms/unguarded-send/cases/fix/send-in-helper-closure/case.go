// A three-case select loop calls a closure that sends on a struct-field channel. The
// builder stops reading once quit is closed, so a request in flight at shutdown blocks
// the scheduling goroutine forever.
package main

import (
	"fmt"
	"time"
)

type producer struct {
	orders chan string
	heads  chan int
	quit   chan struct{}
	built  func(order string)
}

func newProducer(built func(order string)) *producer {
	return &producer{orders: make(chan string), heads: make(chan int, 1), quit: make(chan struct{}), built: built}
}

func (p *producer) Stop() { close(p.quit) }

func (p *producer) scheduleLoop(every time.Duration) { // requests work on new heads and on a timer
	timer := time.NewTimer(every)
	defer timer.Stop()
	request := func(reason string) {
		p.orders <- reason
		timer.Reset(every)
	}
	for {
		select {
		case <-p.heads:
			request("new head")
		case <-timer.C:
			request("recommit")
		case <-p.quit:
			return
		}
	}
}

func (p *producer) buildLoop(work time.Duration) {
	for {
		// Shutdown wins over pending orders.
		select {
		case <-p.quit:
			return
		default:
		}
		select {
		case order := <-p.orders:
			time.Sleep(work) // assemble a block
			p.built(order)
		case <-p.quit:
			return
		}
	}
}

// exercise stops each producer while the scheduler waits to hand over the second order
// and the builder is still busy with the first.
func exercise() {
	for i := 0; i < 3; i++ {
		p := newProducer(func(string) {})
		go p.buildLoop(10 * time.Millisecond)
		go p.scheduleLoop(time.Hour)
		p.heads <- 1
		p.heads <- 2 // taken once the builder accepted the first order
		p.heads <- 3 // taken once the scheduler is inside the second request
		p.Stop()
	}
	fmt.Println("stopped 3 producers")
}

// steady lets the builder take every order before stopping.
func steady() {
	built := make(chan string)
	p := newProducer(func(order string) { built <- order })
	go p.buildLoop(time.Millisecond)
	go p.scheduleLoop(time.Hour)
	for head := 1; head <= 3; head++ {
		p.heads <- head
		fmt.Println("built:", <-built)
	}
	p.Stop()
}
