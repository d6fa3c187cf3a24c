// The producer closes the channel after its loop, not with defer. The consumer
// goroutine stops at the first blank line. The fix must leave the loop with a
// labelled break so that close still runs.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func header(lines []string) []string {
	ch := make(chan string)
	go func() {
		for _, line := range lines {
			ch <- strings.TrimSpace(line)
		}
		close(ch)
	}()

	var kept []string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for line := range ch {
			if line == "" {
				return
			}
			kept = append(kept, line)
		}
	}()
	wg.Wait()
	return kept
}

func exercise() {
	fmt.Println(header([]string{"From: a", " To: b", "", "body", "more"}))
	fmt.Println(header([]string{"", "body"}))
}

func steady() {
	fmt.Println(header([]string{"From: a", "To: b"}))
	fmt.Println(header(nil))
}
