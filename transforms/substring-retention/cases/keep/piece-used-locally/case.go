// The title is cut from the whole file but only printed.
package main

import (
	"fmt"
	"io"
	"strings"
)

func printTitle(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	title, _, _ := strings.Cut(string(data), "\n")
	fmt.Println("title:", title)
	return nil
}

func exercise() {
	if err := printTitle(strings.NewReader("title\nbody")); err != nil {
		panic(err)
	}
}
