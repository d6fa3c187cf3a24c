// A breadth-first walk pops from a local queue that lives only as long as the walk, so
// the popped nodes are released with it.
package main

import "fmt"

type node struct {
	name     string
	children []*node
}

func names(root *node) []string {
	var out []string
	queue := []*node{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		out = append(out, n.name)
		queue = append(queue, n.children...)
	}
	return out
}

func exercise() {
	root := &node{name: "a", children: []*node{{name: "b"}, {name: "c"}}}
	fmt.Println(names(root))
}
