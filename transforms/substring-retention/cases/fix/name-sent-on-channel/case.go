// A scanner reads each file whole and sends the name it declares to a collector. The
// name is a field of the file's text, so every collected name keeps its file alive.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

func sendName(r io.Reader, names chan<- string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return fmt.Errorf("no name")
	}
	names <- fields[1]
	return nil
}

// collected holds the names while the live heap is measured.
var collected []string

func exercise() {
	names := make(chan string, 8)
	for i := 0; i < 8; i++ {
		file := fmt.Sprintf("package pkg%d\n%s", i, strings.Repeat("s", 1<<20))
		if err := sendName(strings.NewReader(file), names); err != nil {
			panic(err)
		}
	}
	close(names)
	collected = nil
	for name := range names {
		collected = append(collected, name)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d names, first %s\n", len(collected), collected[0])
}
