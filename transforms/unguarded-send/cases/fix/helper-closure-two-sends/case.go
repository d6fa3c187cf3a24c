// The monitor's report closure sends on two fields. One finding fixes both sends: the
// closure returns whether it delivered, and the loop leaves when it did not.
package main

import (
	"fmt"
	"time"
)

type monitor struct {
	events chan string
	alerts chan string
	quit   chan struct{}
}

func startMonitor(readings []int) *monitor {
	m := &monitor{events: make(chan string), alerts: make(chan string), quit: make(chan struct{})}
	go m.run(readings)
	return m
}

func (m *monitor) Stop() { close(m.quit) }

func (m *monitor) run(readings []int) {
	report := func(v int) {
		m.events <- fmt.Sprint("reading ", v)
		if v > 100 {
			m.alerts <- fmt.Sprint("too high: ", v)
		}
	}
	for _, v := range readings {
		select {
		case <-m.quit:
			return
		default:
		}
		report(v)
	}
}

// exercise reads the first event and stops while the monitor reports the second.
func exercise() {
	for i := 0; i < 3; i++ {
		m := startMonitor([]int{5, 200})
		fmt.Println(<-m.events)
		time.Sleep(10 * time.Millisecond)
		m.Stop()
	}
}

func steady() {
	m := startMonitor([]int{5, 200})
	fmt.Println(<-m.events, "|", <-m.events, "|", <-m.alerts)
	m.Stop()
}
