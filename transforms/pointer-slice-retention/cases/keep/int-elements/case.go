// The queue holds integers, which point to nothing, so a popped slot keeps nothing alive.
package main

import "fmt"

type ticks struct {
	pending []int
}

func (t *ticks) next() int {
	n := t.pending[0]
	t.pending = t.pending[1:]
	return n
}

func exercise() {
	t := &ticks{pending: []int{3, 4}}
	fmt.Println(t.next(), t.pending)
}
