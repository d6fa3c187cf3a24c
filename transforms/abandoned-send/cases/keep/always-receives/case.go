// The caller always receives the one value the goroutine sends, with no select
// and no early exit between the go statement and the receive. Nothing can leak.
package main

import (
	"fmt"
	"strings"
)

func countWords(text string) int {
	return len(strings.Fields(text))
}

func wordCount(text string) int {
	counts := make(chan int)
	go func() {
		counts <- countWords(text)
	}()
	return <-counts
}

func exercise() {
	for _, text := range []string{"one", "two words", "three short words"} {
		fmt.Println(wordCount(text))
	}
}
