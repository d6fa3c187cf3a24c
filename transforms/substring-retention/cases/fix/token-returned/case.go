// A helper reads a whole manifest and returns its version token. The token is a
// substring of the manifest's text, so callers that keep it keep the whole manifest.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

func manifestVersion(r io.Reader) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	text := string(data)
	start := strings.Index(text, "version: ")
	if start < 0 {
		return "", fmt.Errorf("no version")
	}
	start += len("version: ")
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		return "", fmt.Errorf("no end of line")
	}
	return text[start : start+end], nil
}

// versions holds the versions while the live heap is measured.
var versions []string

func exercise() {
	versions = nil
	for i := 0; i < 8; i++ {
		manifest := fmt.Sprintf("name: app\nversion: 1.%d\n%s", i, strings.Repeat("n", 1<<20))
		version, err := manifestVersion(strings.NewReader(manifest))
		if err != nil {
			panic(err)
		}
		versions = append(versions, version)
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d versions, last %s\n", len(versions), versions[7])
}
