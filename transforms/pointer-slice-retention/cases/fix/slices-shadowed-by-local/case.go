// A parameter named slices shadows the package in the function that deletes, so the fix
// keeps the append and clears the old last element after it.
package main

import (
	"fmt"
	"runtime"
)

type track struct {
	samples []byte
}

type playlist struct {
	tracks []*track
}

func (p *playlist) remove(i int, slices int) int {
	p.tracks = append(p.tracks[:i], p.tracks[i+1:]...)
	return slices + 1
}

// list holds the playlist while the live heap is measured.
var list *playlist

func exercise() {
	list = &playlist{}
	for i := 0; i < 8; i++ {
		list.tracks = append(list.tracks, &track{samples: make([]byte, 1<<20)})
	}
	edits := 0
	for len(list.tracks) > 1 {
		edits = list.remove(len(list.tracks)-1, edits)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d edits, %d tracks left\n", edits, len(list.tracks))
}
