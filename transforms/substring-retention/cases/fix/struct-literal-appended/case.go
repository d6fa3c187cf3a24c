// A dependency list keeps a name and a version for every lock file it parses, in a
// struct literal appended to a field. Both are substrings of the whole lock file.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type dependency struct {
	name, version string
}

type lockFile struct {
	dependencies []dependency
}

func (l *lockFile) parse(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(data)
	line, _, _ := strings.Cut(text, "\n")
	name, version, ok := strings.Cut(line, "@")
	if !ok {
		return fmt.Errorf("no version in %q", line)
	}
	l.dependencies = append(l.dependencies, dependency{name, version})
	return nil
}

// kept holds the lock file while the live heap is measured.
var kept *lockFile

func exercise() {
	kept = &lockFile{}
	for i := 0; i < 8; i++ {
		file := fmt.Sprintf("lib%d@v1.%d.0\n%s", i, i, strings.Repeat("h", 1<<20))
		if err := kept.parse(strings.NewReader(file)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d dependencies, last %v\n", len(kept.dependencies), kept.dependencies[7])
}
