// Empty lines are deleted from the split text before it is returned. What is left are
// still the lines of the text, kept together.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func logLines(path string) ([]string, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(content), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] == "" {
			lines = append(lines[:i], lines[i+1:]...)
		}
	}
	return lines, nil
}

func exercise() {
	dir, err := os.MkdirTemp("", "log")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "log")
	if err := os.WriteFile(path, []byte("one\n\ntwo\n"), 0o600); err != nil {
		panic(err)
	}
	fmt.Println(logLines(path))
}
