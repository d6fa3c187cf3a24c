// Converting a piece of the file to a string copies its bytes, so the kept string owns
// its memory.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type catalog struct {
	titles []string
}

func (c *catalog) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	c.titles = append(c.titles, string(data[:end]))
	return nil
}

func exercise() {
	c := &catalog{}
	if err := c.add(bytes.NewReader([]byte("title\nbody"))); err != nil {
		panic(err)
	}
	fmt.Println(c.titles)
}
