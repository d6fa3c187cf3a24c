// Scanner.Text returns a new string for every token, unlike Scanner.Bytes, so keeping it
// pins nothing.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

type history struct {
	commands []string
}

func (h *history) load(text string) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		h.commands = append(h.commands, sc.Text())
	}
	return sc.Err()
}

func exercise() {
	h := &history{}
	if err := h.load("ls\ncd\n"); err != nil {
		panic(err)
	}
	fmt.Println(h.commands)
}
