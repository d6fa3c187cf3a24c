// A parameter named strings shadows the package in the function that keeps the piece,
// so the fix uses the conversion form, which needs no package name.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type index struct {
	firstWords []string
}

func (ix *index) add(r io.Reader, strings []string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	if len(text) < len(strings[0]) {
		return io.ErrUnexpectedEOF
	}
	ix.firstWords = append(ix.firstWords, text[:len(strings[0])])
	return nil
}

// kept holds the index while the live heap is measured.
var kept *index

func exercise() {
	kept = &index{}
	for i := 0; i < 8; i++ {
		text := fmt.Sprintf("word%d %s", i, strings.Repeat("w", 1<<20))
		if err := kept.add(strings.NewReader(text), []string{"word0"}); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d words, last %s\n", len(kept.firstWords), kept.firstWords[7])
}
