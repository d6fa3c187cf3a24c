// Each turn of the loop makes a channel with its own producer and consumer
// goroutine. The consumer takes the first word that starts with an upper-case
// letter and leaves, so each producer blocks on its next send.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func capitals(lines []string) []string {
	found := make([]string, len(lines))
	var wg sync.WaitGroup
	for i, line := range lines {
		words := make(chan string)
		go func() {
			defer close(words)
			for _, word := range strings.Fields(line) {
				words <- word
			}
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for word := range words {
				if strings.ToUpper(word[:1]) == word[:1] {
					found[i] = word
					return
				}
			}
		}()
	}
	wg.Wait()
	return found
}

func exercise() {
	fmt.Println(capitals([]string{"a Bb c d e", "x y Zz w v"}))
}

func steady() {
	fmt.Println(capitals([]string{"a b c", "x Y"}))
}
