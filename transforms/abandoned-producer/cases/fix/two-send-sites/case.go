// The producer splits lines into words and sends from two places: inside the
// character loop and after it. The consumer returns at the first long word, so the
// producer fills the buffer and blocks.
package main

import "fmt"

func firstLongWord(lines []string, minimum int) string {
	words := make(chan string, 2)
	go func() {
		defer close(words)
		for _, line := range lines {
			start := -1
			for i, r := range line {
				if r != ' ' {
					if start < 0 {
						start = i
					}
					continue
				}
				if start >= 0 {
					words <- line[start:i]
					start = -1
				}
			}
			if start >= 0 {
				words <- line[start:]
			}
		}
	}()
	for word := range words {
		if len(word) >= minimum {
			return word
		}
	}
	return ""
}

var text = []string{
	"a bb ccc",
	"dddd e ff",
	"g hh iii jjjj",
	"k ll mmm nnnn",
}

func exercise() {
	fmt.Println(firstLongWord(text, 3))
	fmt.Println(firstLongWord(text, 4))
}

func steady() {
	fmt.Println(firstLongWord(text, 5))
	fmt.Println(firstLongWord([]string{"x yy", "zzz"}, 3))
}
