// A tool keeps the first line of the last release notes it read in a package-level
// variable. The line is a substring of the whole notes.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

var releaseTitle string

func readNotes(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(data)
	if newline := strings.IndexByte(text, '\n'); newline >= 0 {
		releaseTitle = strings.TrimSpace(text[:newline])
	}
	return nil
}

func exercise() {
	dir, err := os.MkdirTemp("", "notes")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	path := filepath.Join(dir, "NOTES")
	body := "  Release 2.0  \n" + strings.Repeat("n", 8<<20)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		panic(err)
	}
	if err := readNotes(path); err != nil {
		panic(err)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("title %q\n", releaseTitle)
}
