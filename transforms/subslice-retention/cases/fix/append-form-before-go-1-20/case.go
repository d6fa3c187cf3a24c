// Before Go 1.20 there is no bytes.Clone, so the fix copies the header with append. The
// module declares go 1.19, which has strings.Clone for the title line.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

type index struct {
	headers map[string][]byte
	titles  map[string]string
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
	ix.headers[path] = data[:end]

	text := string(data)
	ix.titles[path] = text[:end]
	return nil
}

// kept holds the index while the live heap is measured.
var kept *index

func exercise() {
	dir, err := os.MkdirTemp("", "index")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &index{headers: map[string][]byte{}, titles: map[string]string{}}
	body := append([]byte("title line\n"), bytes.Repeat([]byte("x"), 4<<20)...)
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("f", i))
		if err := os.WriteFile(path, body, 0o600); err != nil {
			panic(err)
		}
		if err := kept.add(path); err != nil {
			panic(err)
		}
	}

	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d short lines: %q %q\n", 2*len(kept.headers), kept.headers[filepath.Join(dir, "f0")], kept.titles[filepath.Join(dir, "f0")])
}
