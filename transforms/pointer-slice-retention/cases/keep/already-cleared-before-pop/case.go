// The pop already clears the slot before reslicing.
package main

import "fmt"

type queue struct {
	items []*int
}

func (q *queue) pop() *int {
	head := q.items[0]
	q.items[0] = nil
	q.items = q.items[1:]
	return head
}

func exercise() {
	one, two := 1, 2
	q := &queue{items: []*int{&one, &two}}
	fmt.Println(*q.pop(), len(q.items))
}
