// Concatenating a piece with another string builds a new string, so the kept label owns
// its memory.
package main

import (
	"fmt"
	"io"
	"strings"
)

type labels struct {
	list []string
}

func (l *labels) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	l.list = append(l.list, "label:"+text[:3])
	return nil
}

func exercise() {
	l := &labels{}
	if err := l.add(strings.NewReader("abc and more")); err != nil {
		panic(err)
	}
	fmt.Println(l.list)
}
