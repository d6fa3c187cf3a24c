// A parser builds a map from section name to section id out of a whole file and returns
// it. Each id is a subslice of the file, so the returned map keeps the file alive.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

func sectionIDs(r io.Reader) (map[string][]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	ids := map[string][]byte{}
	for _, line := range bytes.SplitN(data, []byte("\n"), 3)[:2] {
		name, id, ok := bytes.Cut(line, []byte("="))
		if ok {
			ids[string(name)] = id
		}
	}
	return ids, nil
}

// kept holds the maps while the live heap is measured.
var kept []map[string][]byte

func exercise() {
	kept = nil
	for i := 0; i < 8; i++ {
		file := append([]byte(fmt.Sprintf("a=%d\nb=%d\n", i, i*2)), bytes.Repeat([]byte("~"), 1<<20)...)
		ids, err := sectionIDs(bytes.NewReader(file))
		if err != nil {
			panic(err)
		}
		kept = append(kept, ids)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d maps, last b=%q\n", len(kept), kept[7]["b"])
}
