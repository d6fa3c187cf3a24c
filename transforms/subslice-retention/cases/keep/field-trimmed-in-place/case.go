// A reusable iterator keeps its slice in a field and trims it in place when it can reuse
// the memory. The field still stands for its whole buffer, so nothing is kept beyond it.
package main

import "fmt"

type merger struct {
	sources []*[]int
}

func reuse(m *merger, length int) *merger {
	if m == nil {
		m = &merger{}
	}
	if cap(m.sources) < length {
		m.sources = make([]*[]int, length)
	} else {
		m.sources = m.sources[:length]
	}
	return m
}

func exercise() {
	m := reuse(nil, 3)
	m = reuse(m, 2)
	fmt.Println(len(m.sources), cap(m.sources))
}
