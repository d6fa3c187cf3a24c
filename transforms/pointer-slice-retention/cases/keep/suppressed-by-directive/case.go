// The queue is short-lived, and its owner silences the finding with a directive.
package main

import "fmt"

type queue struct {
	items []*int
}

func (q *queue) pop() *int {
	head := q.items[0]
	q.items = q.items[1:] //goleakfix:ignore pointer-slice-retention // drained in one go
	return head
}

func exercise() {
	one, two := 1, 2
	q := &queue{items: []*int{&one, &two}}
	fmt.Println(*q.pop(), len(q.items))
}
