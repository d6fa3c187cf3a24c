// A key list collects the key of every snapshot file it loads. Each key is a subslice of
// the whole file, so the list keeps every file in memory.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

type keyList struct {
	keys [][]byte
}

func (l *keyList) load(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	colon := bytes.IndexByte(data, ':')
	if colon < 0 {
		return fmt.Errorf("%s: no key", path)
	}
	l.keys = append(l.keys, data[:colon])
	return nil
}

// kept holds the list while the live heap is measured.
var kept *keyList

func exercise() {
	dir, err := os.MkdirTemp("", "keys")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &keyList{}
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("snap", i))
		body := append([]byte(fmt.Sprintf("key-%d:", i)), bytes.Repeat([]byte("v"), 1<<20)...)
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
	fmt.Printf("%d keys, first %q\n", len(kept.keys), kept.keys[0])
}
