// A wrapper's Peek returns the view that bufio.Reader.Peek returns. Handing the view to
// the caller keeps the same contract as bufio (valid until the next read), so it is not
// a store that outlives the buffer.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

type peeker struct {
	buf *bufio.Reader
}

func (p *peeker) Peek(n int) ([]byte, error) {
	return p.buf.Peek(n)
}

func firstLine(r *bufio.Reader) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	if err != nil {
		return nil, err
	}
	return line, nil
}

func exercise() {
	p := &peeker{buf: bufio.NewReader(strings.NewReader("magic and more\nsecond\n"))}
	magic, err := p.Peek(5)
	fmt.Printf("%q %v\n", magic, err)
	fmt.Println(firstLine(p.buf))
}
