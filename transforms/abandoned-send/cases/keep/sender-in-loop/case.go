// This case leaks on purpose. The goroutine sends in a loop and the caller stops
// at the first match, so no fixed capacity is right. The abandoned-producer rule
// covers this shape, and the directive below silences it so that the case checks
// abandoned-send alone.
package main

import (
	"fmt"
	"strings"
)

func firstMatch(lines []string, word string) (string, bool) {
	//goleakfix:ignore abandoned-producer
	out := make(chan string)
	go func() {
		for _, line := range lines {
			out <- line
		}
		close(out)
	}()

	for line := range out {
		if strings.Contains(line, word) {
			return line, true
		}
	}
	return "", false
}

func exercise() {
	lines := []string{"boot", "warn: fan", "error: disk", "idle", "error: net"}
	for _, word := range []string{"warn", "error", "idle"} {
		fmt.Println(firstMatch(lines, word))
	}
}
