// A symbol table records a name and a kind for every module it loads. The name is a
// subslice of the whole module file, placed in a struct literal that the table keeps.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

type symbol struct {
	name []byte
	kind int
}

type table struct {
	symbols []symbol
}

func (t *table) load(path string, kind int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	end := bytes.IndexByte(data, ' ')
	if end < 0 {
		return fmt.Errorf("%s: no name", path)
	}
	t.symbols = append(t.symbols, symbol{name: data[:end], kind: kind})
	return nil
}

// kept holds the table while the live heap is measured.
var kept *table

func exercise() {
	dir, err := os.MkdirTemp("", "symbols")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &table{}
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("module", i))
		body := append([]byte(fmt.Sprintf("sym%d ", i)), bytes.Repeat([]byte("."), 1<<20)...)
		if err := os.WriteFile(path, body, 0o600); err != nil {
			panic(err)
		}
		if err := kept.load(path, i); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d symbols, last %q\n", len(kept.symbols), kept.symbols[7].name)
}
