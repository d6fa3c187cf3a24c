// The piece is only used to look a key up, never written into the map, so the map keeps
// nothing of the file.
package main

import (
	"fmt"
	"io"
	"strings"
)

type registry struct {
	known map[string]int
}

func (r *registry) count(in io.Reader) (int, error) {
	data, err := io.ReadAll(in)
	if err != nil {
		return 0, err
	}
	name, _, _ := strings.Cut(string(data), "\n")
	if n, ok := r.known[name]; ok {
		return n, nil
	}
	return 0, nil
}

func exercise() {
	r := &registry{known: map[string]int{"a": 1}}
	fmt.Println(r.count(strings.NewReader("a\nrest")))
}
