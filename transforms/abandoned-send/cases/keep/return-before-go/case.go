// The early return comes before the go statement, and after it the function
// always receives, so no sender can be left blocked. The rule must leave it alone.
package main

import (
	"errors"
	"fmt"
	"strings"
)

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func headline(text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", errors.New("headline: empty text")
	}

	titles := make(chan string)
	go func() {
		titles <- titleCase(text)
	}()
	return <-titles, nil
}

func exercise() {
	for _, text := range []string{"go is fun", "  ", "leaks are not"} {
		fmt.Println(headline(text))
	}
}
