// A local variable named bytes shadows the package where the piece is stored, so the fix
// copies with append, which needs no package name.
package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
)

type ledger struct {
	accounts [][]byte
}

func (l *ledger) record(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	bytes := len(data)
	if bytes < 10 {
		return io.ErrUnexpectedEOF
	}
	l.accounts = append(l.accounts, data[:10])
	return nil
}

// kept holds the ledger while the live heap is measured.
var kept *ledger

func exercise() {
	kept = &ledger{}
	for i := 0; i < 8; i++ {
		entry := append([]byte(fmt.Sprintf("account-%02d", i)), bytes.Repeat([]byte("$"), 1<<20)...)
		if err := kept.record(bytes.NewReader(entry)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d accounts, last %q\n", len(kept.accounts), kept.accounts[7])
}
