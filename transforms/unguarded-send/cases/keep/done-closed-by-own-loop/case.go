// done is closed by the loop itself on its way out. It means "finished", not "stop", so a
// select on it would never fire while the loop is still sending.
package main

import "fmt"

type producer struct {
	out  chan int
	done chan struct{}
}

func newProducer() *producer {
	p := &producer{out: make(chan int), done: make(chan struct{})}
	go p.run()
	return p
}

func (p *producer) Done() <-chan struct{} { return p.done }

func (p *producer) run() {
	defer close(p.done)
	for i := 0; i < 3; i++ {
		p.out <- i
	}
}

func exercise() {
	p := newProducer()
	for i := 0; i < 3; i++ {
		fmt.Println(<-p.out)
	}
	<-p.Done()
}
