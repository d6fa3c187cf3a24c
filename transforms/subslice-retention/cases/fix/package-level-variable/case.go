// A tool remembers the magic number of the last image it opened in a package-level
// variable. The magic number is a subslice of the whole image.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

var lastMagic []byte

func openImage(r io.Reader) (int, error) {
	image, err := io.ReadAll(r)
	if err != nil {
		return 0, err
	}
	if len(image) < 4 {
		return 0, fmt.Errorf("short image")
	}
	lastMagic = image[:4]
	return len(image), nil
}

func exercise() {
	total := 0
	for i := 0; i < 2; i++ {
		image := append([]byte(fmt.Sprintf("IMG%d", i)), bytes.Repeat([]byte{0}, 8<<20)...)
		size, err := openImage(bytes.NewReader(image))
		if err != nil {
			panic(err)
		}
		total += size
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("read %d bytes, last magic %q\n", total, lastMagic)
}
