// The piece goes into a local struct that is only printed, so it is dropped when the
// function returns.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type summary struct {
	header []byte
	size   int
}

func describe(r io.Reader) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	var s summary
	s.header = data[:4]
	s.size = len(data)
	return fmt.Sprintf("%q (%d bytes)", s.header, s.size), nil
}

func exercise() {
	fmt.Println(describe(bytes.NewReader([]byte("head and body"))))
}
