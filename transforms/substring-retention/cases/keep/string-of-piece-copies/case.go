// Converting a piece of the bytes to a string copies it, so the kept name owns its memory.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type names struct {
	byID map[int]string
}

func (n *names) add(id int, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(data, ' ')
	if end < 0 {
		end = len(data)
	}
	n.byID[id] = string(data[:end])
	return nil
}

func exercise() {
	n := &names{byID: map[int]string{}}
	if err := n.add(1, strings.NewReader("alice rest")); err != nil {
		panic(err)
	}
	fmt.Println(n.byID)
}
