// A cgo file keeps `import "C"` alone under its preamble, so the strings import goes into
// the other import block.
package main

// #include <stdlib.h>
import "C"

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

type registry struct {
	hosts []string
}

func (r *registry) add(config io.Reader) error {
	data, err := io.ReadAll(config)
	if err != nil {
		return err
	}
	text := string(data)
	r.hosts = append(r.hosts, text[:int(C.abs(C.int(-8)))])
	return nil
}

// kept holds the registry while the live heap is measured.
var kept *registry

func exercise() {
	kept = &registry{}
	for i := 0; i < 8; i++ {
		config := append([]byte(fmt.Sprintf("host-%03d", i)), bytes.Repeat([]byte("0"), 1<<20)...)
		if err := kept.add(bytes.NewReader(config)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d hosts, last %s\n", len(kept.hosts), kept.hosts[7])
}
