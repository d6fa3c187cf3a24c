// A catalog remembers the first line of each file. Scanner.Bytes returns a view into the
// scanner's buffer, so every remembered line keeps that whole buffer alive, and the next
// Scan would overwrite it.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
)

type catalog struct {
	firstLines [][]byte
}

func (c *catalog) scanFirstLine(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20) // long lines are allowed
	if !sc.Scan() {
		return sc.Err()
	}
	c.firstLines = append(c.firstLines, sc.Bytes())
	return nil
}

// kept holds the catalog while the live heap is measured.
var kept *catalog

func exercise() {
	kept = &catalog{}
	for i := 0; i < 8; i++ {
		file := fmt.Sprintf("file %d\nsecond line\n", i)
		if err := kept.scanFirstLine(bytes.NewReader([]byte(file))); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d lines, last %q\n", len(kept.firstLines), kept.firstLines[7])
}
