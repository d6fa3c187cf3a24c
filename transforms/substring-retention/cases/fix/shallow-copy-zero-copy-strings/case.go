// Labels are decoded zero-copy (strings view the request buffer); a helper named like a
// deep copy only copies the slice, so the long-lived index pins every request buffer.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"unsafe"
)

type wirePair struct{ Key, Val string } // views into the request buffer

type pair struct{ Key, Val string }

func bytesView(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// decodePairs parses the "k=v;k=v|payload" header without allocating new strings.
func decodePairs(buf []byte) []wirePair {
	var out []wirePair
	header, _, _ := strings.Cut(bytesView(buf), "|")
	for _, field := range strings.Split(header, ";") {
		if k, v, ok := strings.Cut(field, "="); ok {
			out = append(out, wirePair{k, v})
		}
	}
	return out
}

// ownedPairs is supposed to detach the labels from the request buffer.
func ownedPairs(in []wirePair) []pair {
	out := make([]pair, len(in))
	for i, p := range in {
		out[i] = pair{Key: p.Key, Val: p.Val}
	}
	return out
}

type seriesIndex struct{ byID map[string][]pair }

func (ix *seriesIndex) admit(body []byte) {
	ls := ownedPairs(decodePairs(body))
	ix.byID[ls[0].Val] = ls
}

// push reads one whole write request, as a server reads a request body.
func push(ix *seriesIndex, request io.Reader) error {
	body, err := io.ReadAll(request)
	if err != nil {
		return err
	}
	ix.admit(body)
	return nil
}

// index holds the series while the live heap is measured.
var index *seriesIndex

func exercise() {
	index = &seriesIndex{byID: map[string][]pair{}}
	for i := 0; i < 40; i++ {
		request := fmt.Sprintf("id=s%d;job=api|%s", i, strings.Repeat("x", 1<<20))
		if err := push(index, strings.NewReader(request)); err != nil { // each ~1 MiB request carries two small labels
			panic(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d series, s3 has %v\n", len(index.byID), index.byID["s3"])
}
