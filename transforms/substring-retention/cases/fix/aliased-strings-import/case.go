// The file imports strings under another name, so the copy uses that name and no second
// import of strings is added.
package main

import (
	"fmt"
	"io"
	"runtime"
	str "strings"
)

type labels struct {
	owners []string
}

func (l *labels) read(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	end := str.IndexByte(text, ';')
	if end < 0 {
		return fmt.Errorf("no owner")
	}
	l.owners = append(l.owners, text[:end])
	return nil
}

// kept holds the labels while the live heap is measured.
var kept *labels

func exercise() {
	kept = &labels{}
	for i := 0; i < 8; i++ {
		label := fmt.Sprintf("team%d;%s", i, str.Repeat("l", 1<<20))
		if err := kept.read(str.NewReader(label)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d owners, last %s\n", len(kept.owners), kept.owners[7])
}
