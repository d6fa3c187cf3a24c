// The producer walks a tree with a recursive function that sends each value. A
// `return` in that function would end one call, not the goroutine, so the finding
// comes without a fix.
package main

import "fmt"

type node struct {
	value       int
	left, right *node
}

func visit(n *node, out chan<- int) {
	if n == nil {
		return
	}
	visit(n.left, out)
	out <- n.value
	visit(n.right, out)
}

func firstAbove(root *node, limit int) (int, bool) {
	ch := make(chan int)
	go func() {
		defer close(ch)
		visit(root, ch)
	}()
	for v := range ch {
		if v > limit {
			return v, true
		}
	}
	return 0, false
}

func exercise() {
	root := &node{value: 5, left: &node{value: 2}, right: &node{value: 8, right: &node{value: 9}}}
	fmt.Println(firstAbove(root, 4))
}
