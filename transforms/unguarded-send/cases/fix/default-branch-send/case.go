// The sampler checks its context in a select and sends in the default branch. The check
// only looks once: a send that starts before the cancel still blocks forever when the
// consumer stops reading.
package main

import (
	"context"
	"fmt"
	"time"
)

type sampler struct {
	ctx     context.Context
	cancel  context.CancelFunc
	values  []float64
	samples chan float64
}

func newSampler(values []float64) *sampler {
	ctx, cancel := context.WithCancel(context.Background())
	s := &sampler{ctx: ctx, cancel: cancel, values: values, samples: make(chan float64)}
	go s.run()
	return s
}

func (s *sampler) Stop() { s.cancel() }

func (s *sampler) run() {
	for _, v := range s.values {
		select {
		case <-s.ctx.Done():
			return
		default:
			s.samples <- v
		}
	}
}

// exercise takes one sample and stops while the sampler sends the next.
func exercise() {
	for i := 0; i < 3; i++ {
		s := newSampler([]float64{0.5, 1.5, 2.5})
		fmt.Println(<-s.samples)
		time.Sleep(10 * time.Millisecond)
		s.Stop()
	}
}

func steady() {
	s := newSampler([]float64{0.5, 1.5, 2.5})
	fmt.Println(<-s.samples, <-s.samples, <-s.samples)
	s.Stop()
}
