// Truncating to the first n elements, or resetting to empty for reuse, is not a queue pop.
package main

import "fmt"

type batch struct {
	items []*int
}

func (b *batch) keepFirst(n int) {
	b.items = b.items[:n]
}

func exercise() {
	one, two := 1, 2
	b := &batch{items: []*int{&one, &two}}
	b.keepFirst(1)
	fmt.Println(len(b.items))
}
