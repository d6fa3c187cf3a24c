// The imports come in two groups separated by a blank line. The strings import joins the
// first group in sorted order, and the second group is left as it is.
package main

import (
	"fmt"
	"io"

	"os"
	"path/filepath"
	"runtime"
)

type titles struct {
	byPath map[string]string
}

func (t *titles) load(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(data)
	if len(text) < 5 {
		return io.ErrUnexpectedEOF
	}
	t.byPath[path] = text[:5]
	return nil
}

// kept holds the titles while the live heap is measured.
var kept *titles

func exercise() {
	dir, err := os.MkdirTemp("", "titles")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &titles{byPath: map[string]string{}}
	body := make([]byte, 1<<20)
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("doc", i))
		copy(body, fmt.Sprintf("doc-%d", i))
		if err := os.WriteFile(path, body, 0o600); err != nil {
			panic(err)
		}
		if err := kept.load(path); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d titles, doc3 is %s\n", len(kept.byPath), kept.byPath[filepath.Join(dir, "doc3")])
}
