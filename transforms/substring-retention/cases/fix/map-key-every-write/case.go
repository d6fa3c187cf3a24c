// A counter keys its map by the first word of each message. Incrementing an existing
// key stores the new key string too, so every write keeps the message it was cut from.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type counter struct {
	byWord map[string]int
}

func (c *counter) count(r io.Reader) error {
	message, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	text := string(message)
	word, _, _ := strings.Cut(text, " ")
	c.byWord[word]++
	return nil
}

// kept holds the counter while the live heap is measured.
var kept *counter

func exercise() {
	kept = &counter{byWord: map[string]int{}}
	for i := 0; i < 16; i++ {
		message := fmt.Sprintf("word%d %s", i%8, strings.Repeat("m", 1<<20))
		if err := kept.count(strings.NewReader(message)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d words, word0 seen %d times\n", len(kept.byWord), kept.byWord["word0"])
}
