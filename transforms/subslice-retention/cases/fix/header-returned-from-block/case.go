// A block reader reads a whole block to check its checksum and returns the 16-byte
// header. The header is a subslice of the block, so every header keeps its block alive.
package main

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
)

func readHeader(r io.Reader, size int) ([]byte, error) {
	block := make([]byte, size)
	if _, err := io.ReadFull(r, block); err != nil {
		return nil, err
	}
	if crc32.ChecksumIEEE(block) == 0 {
		return nil, fmt.Errorf("block has a zero checksum")
	}
	return block[:16], nil
}

// headers holds the headers while the live heap is measured.
var headers [][]byte

func exercise() {
	headers = nil
	for i := 0; i < 8; i++ {
		block := bytes.Repeat([]byte{byte('a' + i)}, 1<<20)
		header, err := readHeader(bytes.NewReader(block), len(block))
		if err != nil {
			panic(err)
		}
		headers = append(headers, header)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d headers, first %q\n", len(headers), headers[0])
}
