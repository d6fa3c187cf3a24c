// A collector drains each response into a bytes.Buffer and keeps the response's status
// code, a subslice of the buffer's contents, so each kept status pins the whole response.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
)

type collector struct {
	statuses [][]byte
}

func (c *collector) collect(response io.Reader) error {
	var body bytes.Buffer
	if _, err := io.Copy(&body, response); err != nil {
		return err
	}
	contents := body.Bytes()
	if len(contents) < 3 {
		return fmt.Errorf("short response")
	}
	c.statuses = append(c.statuses, contents[:3])
	return nil
}

// kept holds the collector while the live heap is measured.
var kept *collector

func exercise() {
	kept = &collector{}
	for i := 0; i < 8; i++ {
		response := fmt.Sprintf("%d OK\n%s", 200+i, strings.Repeat("r", 1<<20))
		if err := kept.collect(strings.NewReader(response)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d statuses, last %q\n", len(kept.statuses), kept.statuses[7])
}
