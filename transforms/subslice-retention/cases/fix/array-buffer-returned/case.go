// A record reader reads into a fixed 1 MiB array and returns the record it found. The
// record is a subslice of the array, so the whole array moves to the heap and stays.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
)

func firstRecord(r io.Reader) ([]byte, error) {
	var block [1 << 20]byte
	n, err := io.ReadFull(r, block[:])
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	end := bytes.IndexByte(block[:n], ';')
	if end < 0 {
		return nil, fmt.Errorf("no record")
	}
	return block[:end], nil
}

// records holds the records while the live heap is measured.
var records [][]byte

func exercise() {
	records = nil
	for i := 0; i < 8; i++ {
		record, err := firstRecord(strings.NewReader(fmt.Sprintf("record-%d;rest", i)))
		if err != nil {
			panic(err)
		}
		records = append(records, record)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d records, last %q\n", len(records), records[7])
}
