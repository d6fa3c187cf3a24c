// The delete is already followed by a statement that clears the old last element.
package main

import "fmt"

type registry struct {
	handlers []*string
}

func (r *registry) remove(i int) {
	r.handlers = append(r.handlers[:i], r.handlers[i+1:]...)
	r.handlers[:len(r.handlers)+1][len(r.handlers)] = nil
}

func exercise() {
	a, b := "a", "b"
	r := &registry{handlers: []*string{&a, &b}}
	r.remove(0)
	fmt.Println(len(r.handlers), *r.handlers[0])
}
