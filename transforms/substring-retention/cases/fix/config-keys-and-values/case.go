// A settings store loads a whole config file and keeps each key and value. Both are
// substrings of the file's text, so the store keeps every file it ever loaded.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

type settings struct {
	values map[string]string
}

func (s *settings) load(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		key, value, ok := strings.Cut(line, "=")
		if ok && !strings.HasPrefix(key, "#") {
			s.values[key] = value
		}
	}
	return nil
}

// kept holds the settings while the live heap is measured.
var kept *settings

func exercise() {
	dir, err := os.MkdirTemp("", "settings")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	kept = &settings{values: map[string]string{}}
	for i := 0; i < 8; i++ {
		path := filepath.Join(dir, fmt.Sprint("conf", i))
		body := fmt.Sprintf("key%d=value%d\n#%s\n", i, i, strings.Repeat("c", 1<<20))
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			panic(err)
		}
		if err := kept.load(path); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d values, key3=%s\n", len(kept.values), kept.values["key3"])
}
