// A 64-byte scratch buffer is not large, so keeping a piece of it pins almost nothing.
package main

import (
	"fmt"
	"strconv"
)

type counters struct {
	labels [][]byte
}

func (c *counters) add(n int) {
	scratch := make([]byte, 64)
	label := strconv.AppendInt(scratch[:0], int64(n), 10)
	c.labels = append(c.labels, label[:len(label):len(label)])
	c.labels = append(c.labels, scratch[:2])
}

func exercise() {
	c := &counters{}
	c.add(42)
	fmt.Printf("%q\n", c.labels)
}
