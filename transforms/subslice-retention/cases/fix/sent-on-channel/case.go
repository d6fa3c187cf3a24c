// A loader sends the checksum trailer of each file it reads to a collector. The trailer
// is a subslice of the whole file, so every collected trailer keeps its file alive.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

func sendTrailer(r io.Reader, trailers chan<- []byte) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if len(data) < 8 {
		return fmt.Errorf("short file")
	}
	trailers <- data[len(data)-8 : len(data)-4]
	return nil
}

// collected holds the trailers while the live heap is measured.
var collected [][]byte

func exercise() {
	trailers := make(chan []byte, 8)
	for i := 0; i < 8; i++ {
		file := append(bytes.Repeat([]byte("z"), 1<<20), fmt.Sprintf("sum%dtail", i)...)
		if err := sendTrailer(bytes.NewReader(file), trailers); err != nil {
			panic(err)
		}
	}
	close(trailers)
	collected = nil
	for trailer := range trailers {
		collected = append(collected, trailer)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d trailers, first %q\n", len(collected), collected[0])
}
