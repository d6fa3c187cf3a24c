// A log tailer keeps the latest header line of each stream. ReadSlice returns a view into
// the reader's buffer, so each kept line holds the reader's whole 1 MiB buffer.
package main

import (
	"bufio"
	"fmt"
	"runtime"
	"strings"
)

type tailer struct {
	headers map[string][]byte
}

func (t *tailer) readHeader(name string, r *bufio.Reader) error {
	line, err := r.ReadSlice('\n')
	if err != nil {
		return err
	}
	t.headers[name] = line
	return nil
}

// kept holds the tailer while the live heap is measured.
var kept *tailer

func exercise() {
	kept = &tailer{headers: map[string][]byte{}}
	for i := 0; i < 8; i++ {
		stream := strings.NewReader(fmt.Sprintf("header %d\nbody\n", i))
		if err := kept.readHeader(fmt.Sprint("s", i), bufio.NewReaderSize(stream, 1<<20)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d headers, s3 is %q\n", len(kept.headers), kept.headers["s3"])
}
