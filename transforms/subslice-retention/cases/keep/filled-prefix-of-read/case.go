// A buffer sized for one message is filled by Read, and the filled part is kept. That
// part is the data the buffer was made for, not a small piece of a larger one.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type inbox struct {
	messages [][]byte
}

func (in *inbox) receive(r io.Reader, size int) error {
	buf := make([]byte, size)
	n, err := r.Read(buf)
	if err != nil && err != io.EOF {
		return err
	}
	in.messages = append(in.messages, buf[:n])
	return nil
}

func exercise() {
	in := &inbox{}
	if err := in.receive(bytes.NewReader([]byte("hello")), 5); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", in.messages)
}
