// The kept title is already a copy made with strings.Clone.
package main

import (
	"fmt"
	"io"
	"strings"
)

type titles struct {
	list []string
}

func (t *titles) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	title, _, _ := strings.Cut(string(data), "\n")
	t.list = append(t.list, strings.Clone(title))
	return nil
}

func exercise() {
	t := &titles{}
	if err := t.add(strings.NewReader("title\nbody")); err != nil {
		panic(err)
	}
	fmt.Println(t.list)
}
