// The delete already uses slices.Delete, which clears the vacated slot since Go 1.22.
package main

import (
	"fmt"
	"slices"
)

type registry struct {
	handlers []*string
}

func (r *registry) remove(i int) {
	r.handlers = slices.Delete(r.handlers, i, i+1)
}

func exercise() {
	a, b := "a", "b"
	r := &registry{handlers: []*string{&a, &b}}
	r.remove(0)
	fmt.Println(len(r.handlers), *r.handlers[0])
}
