// The kept header is already a copy, so nothing pins the file.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type index struct {
	headers [][]byte
}

func (ix *index) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	ix.headers = append(ix.headers, bytes.Clone(data[:end]))
	return nil
}

func exercise() {
	ix := &index{}
	if err := ix.add(bytes.NewReader([]byte("title\nbody"))); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", ix.headers)
}
