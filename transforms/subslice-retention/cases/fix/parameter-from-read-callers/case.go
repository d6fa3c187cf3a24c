// A decoder keeps the version tag of each document it decodes. The decoder only gets a
// []byte parameter, but every caller passes a whole io.ReadAll result, so the tag keeps
// a whole document alive.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

type decoder struct {
	versions [][]byte
}

func (d *decoder) decode(document []byte) error {
	if len(document) < 8 {
		return fmt.Errorf("short document")
	}
	d.versions = append(d.versions, document[4:8])
	return nil
}

func decodeFrom(d *decoder, r io.Reader) error {
	document, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return d.decode(document)
}

// kept holds the decoder while the live heap is measured.
var kept *decoder

func exercise() {
	kept = &decoder{}
	for i := 0; i < 8; i++ {
		document := append([]byte(fmt.Sprintf("DOC v%02d", i)), bytes.Repeat([]byte("d"), 1<<20)...)
		if err := decodeFrom(kept, bytes.NewReader(document)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d versions, last %q\n", len(kept.versions), kept.versions[7])
}
