// The whole file is kept next to its header, so the header pins nothing that is not
// kept anyway, and a copy would only cost memory.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type document struct {
	raw    []byte
	header []byte
}

func load(r io.Reader) (*document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	return &document{raw: data, header: data[:end]}, nil
}

func exercise() {
	doc, err := load(bytes.NewReader([]byte("title\nbody")))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q %q\n", doc.header, doc.raw)
}
