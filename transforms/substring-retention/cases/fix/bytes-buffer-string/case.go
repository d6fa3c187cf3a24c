// A recorder renders each report into a bytes.Buffer and keeps the report's title. The
// title is a substring of the whole rendered report.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
)

type recorder struct {
	titles []string
}

func (r *recorder) render(id int, body string) {
	var out bytes.Buffer
	fmt.Fprintf(&out, "Report %d\n", id)
	out.WriteString(body)
	report := out.String()
	newline := strings.IndexByte(report, '\n')
	r.titles = append(r.titles, report[:newline])
}

// kept holds the recorder while the live heap is measured.
var kept *recorder

func exercise() {
	kept = &recorder{}
	body := strings.Repeat("b", 1<<20)
	for i := 0; i < 8; i++ {
		kept.render(i, body)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d titles, last %s\n", len(kept.titles), kept.titles[7])
}
