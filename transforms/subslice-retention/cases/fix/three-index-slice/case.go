// A three-index slice limits the capacity of the kept name, but it still points into the
// whole file, so the file stays alive for as long as the name does.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

type registry struct {
	names map[int][]byte
}

func (r *registry) add(id int, file io.Reader) error {
	data, err := io.ReadAll(file)
	if err != nil {
		return err
	}
	n := bytes.IndexByte(data, 0)
	if n < 0 {
		n = len(data)
	}
	r.names[id] = data[:n:n]
	return nil
}

// kept holds the registry while the live heap is measured.
var kept *registry

func exercise() {
	kept = &registry{names: map[int][]byte{}}
	for i := 0; i < 8; i++ {
		file := append([]byte(fmt.Sprintf("name-%d\x00", i)), bytes.Repeat([]byte("#"), 1<<20)...)
		if err := kept.add(i, bytes.NewReader(file)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d names, name 5 is %q\n", len(kept.names), kept.names[5])
}
