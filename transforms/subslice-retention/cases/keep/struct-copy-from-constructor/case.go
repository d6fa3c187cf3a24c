// A constructor returns a struct by value, so the variable is the function's own copy,
// and writing a piece into its field stays local until the copy is stored.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type summary struct {
	magic []byte
	size  int
}

func newSummary() summary {
	return summary{size: -1}
}

func describe(r io.Reader) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	s := newSummary()
	s.magic = data[:4]
	s.size = len(data)
	return fmt.Sprintf("%q is %d bytes", s.magic, s.size), nil
}

func exercise() {
	fmt.Println(describe(bytes.NewReader([]byte("GOLF and more"))))
}
