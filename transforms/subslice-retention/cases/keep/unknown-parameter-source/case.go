// The stored piece comes from a parameter, and the only caller passes a small literal,
// so nothing shows the buffer to be large.
package main

import "fmt"

type names struct {
	prefixes [][]byte
}

func (n *names) add(name []byte) {
	if len(name) >= 3 {
		n.prefixes = append(n.prefixes, name[:3])
	}
}

func exercise() {
	n := &names{}
	n.add([]byte("golang"))
	fmt.Printf("%q\n", n.prefixes)
}
