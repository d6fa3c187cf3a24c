// Dropping padding from the end of a frame keeps almost all of it, so the stored frame
// is not a small piece of a larger buffer.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type frames struct {
	payloads [][]byte
}

func (f *frames) read(r io.Reader, size int) error {
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	padding := int(buf[len(buf)-1])
	f.payloads = append(f.payloads, buf[:len(buf)-1-padding])
	return nil
}

func exercise() {
	f := &frames{}
	if err := f.read(bytes.NewReader([]byte("payload\x00\x00\x02")), 10); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", f.payloads)
}
