// A helper cuts a field out of the buffer it is given and returns it; its caller reads a
// whole file and keeps the field. The copy belongs where the field is stored.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// field returns the bytes between the first two tabs of b.
func field(b []byte) []byte {
	start := bytes.IndexByte(b, '\t')
	if start < 0 {
		return nil
	}
	end := bytes.IndexByte(b[start+1:], '\t')
	if end < 0 {
		return nil
	}
	return b[start+1 : start+1+end]
}

type inventory struct {
	owners map[string][]byte
}

func (inv *inventory) scan(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	inv.owners[path] = field(data)
	return nil
}

// kept holds the inventory while the live heap is measured.
var kept *inventory

func exercise() {
	dir, err := os.MkdirTemp("", "inventory")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &inventory{owners: map[string][]byte{}}
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("item", i))
		body := append([]byte(fmt.Sprintf("id\towner%d\t", i)), bytes.Repeat([]byte("-"), 1<<20)...)
		if err := os.WriteFile(path, body, 0o600); err != nil {
			panic(err)
		}
		if err := kept.scan(path); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d owners, item0 owned by %q\n", len(kept.owners), kept.owners[filepath.Join(dir, "item0")])
}
