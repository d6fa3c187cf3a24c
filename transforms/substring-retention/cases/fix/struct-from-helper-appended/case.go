// A helper parses one line into an entry whose fields are substrings of the line, and
// the caller appends each entry to a long-lived list. The lines are substrings of a
// whole file, so the list keeps every file alive.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type entry struct {
	name, value string
}

func parseEntry(line string) entry {
	name, value, _ := strings.Cut(line, "=")
	return entry{name: name, value: value}
}

type environment struct {
	entries []entry
}

func (env *environment) load(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	e := parseEntry(line)
	env.entries = append(env.entries, e)
	return nil
}

// kept holds the environment while the live heap is measured.
var kept *environment

func exercise() {
	kept = &environment{}
	for i := 0; i < 8; i++ {
		file := fmt.Sprintf("VAR%d=%d\n%s", i, i, strings.Repeat("e", 1<<20))
		if err := kept.load(strings.NewReader(file)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d entries, last %v\n", len(kept.entries), kept.entries[7])
}
