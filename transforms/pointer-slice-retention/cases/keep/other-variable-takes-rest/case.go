// The rest of the queue goes to another variable; the field keeps its elements, so
// nothing is dropped.
package main

import "fmt"

type queue struct {
	items []*int
}

func (q *queue) tail() []*int {
	rest := q.items[1:]
	return rest
}

func exercise() {
	one, two := 1, 2
	q := &queue{items: []*int{&one, &two}}
	fmt.Println(len(q.tail()), len(q.items))
}
