// Each import is its own declaration. The last one becomes a block that also imports
// strings, and the others stay as they are.
package main

import "bytes"
import "fmt"
import "io"
import "runtime"

type tags struct {
	list []string
}

func (t *tags) read(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	if len(text) < 6 {
		return io.ErrUnexpectedEOF
	}
	t.list = append(t.list, text[:6])
	return nil
}

// kept holds the tags while the live heap is measured.
var kept *tags

func exercise() {
	kept = &tags{}
	for i := 0; i < 8; i++ {
		body := append([]byte(fmt.Sprintf("tag-%02d", i)), bytes.Repeat([]byte("0"), 1<<20)...)
		if err := kept.read(bytes.NewReader(body)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d tags, last %s\n", len(kept.list), kept.list[7])
}
