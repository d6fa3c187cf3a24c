// The header is cut from the whole file but only compared and printed; nothing keeps it
// after the function returns.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

func hasMagic(path string) (bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	header := data[:4]
	fmt.Printf("header %q\n", header)
	return bytes.Equal(header, []byte("GOLF")), nil
}

func exercise() {
	dir, err := os.MkdirTemp("", "magic")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "file")
	if err := os.WriteFile(path, []byte("GOLF and more"), 0o600); err != nil {
		panic(err)
	}
	fmt.Println(hasMagic(path))
}
