// The kept header is copied with append onto a nil slice, the idiom from before
// bytes.Clone, so it owns its bytes.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

type index struct {
	headers map[string][]byte
}

func (ix *index) add(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		end = len(data)
	}
	ix.headers[path] = append([]byte(nil), data[:end]...)
	return nil
}

func exercise() {
	dir, err := os.MkdirTemp("", "index")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "f")
	if err := os.WriteFile(path, []byte("title\nbody"), 0o600); err != nil {
		panic(err)
	}
	ix := &index{headers: map[string][]byte{}}
	if err := ix.add(path); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", ix.headers[path])
}
