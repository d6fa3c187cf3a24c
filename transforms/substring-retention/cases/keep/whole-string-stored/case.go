// The whole text is stored, not a piece of it.
package main

import (
	"fmt"
	"io"
	"strings"
)

type pages struct {
	bodies map[string]string
}

func (p *pages) add(name string, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	p.bodies[name] = strings.TrimSpace(string(data))
	return nil
}

func exercise() {
	p := &pages{bodies: map[string]string{}}
	if err := p.add("home", strings.NewReader("  welcome  ")); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", p.bodies)
}
