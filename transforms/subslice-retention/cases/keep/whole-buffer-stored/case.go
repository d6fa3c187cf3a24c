// The whole file is stored, not a piece of it, so nothing is kept beyond what the code
// asks to keep.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type store struct {
	files [][]byte
}

func (s *store) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.files = append(s.files, data)
	return nil
}

func exercise() {
	s := &store{}
	if err := s.add(bytes.NewReader([]byte("contents"))); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", s.files)
}
