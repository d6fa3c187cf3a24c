// The element type is a type parameter, which may or may not hold pointers.
package main

import "fmt"

type queue[T any] struct {
	items []T
}

func (q *queue[T]) pop() T {
	head := q.items[0]
	q.items = q.items[1:]
	return head
}

func exercise() {
	q := &queue[int]{items: []int{1, 2}}
	fmt.Println(q.pop(), q.items)
}
