// A lookup uses time.Tick as a one-shot timeout. It returns as soon as the answer is
// there, and the ticker it started runs on for the rest of the process.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errSlow = errors.New("lookup too slow")

func lookup(answers <-chan string) (string, error) {
	select {
	case answer := <-answers:
		return answer, nil
	case <-time.Tick(30 * time.Second):
		return "", errSlow
	}
}

func exercise() {
	answers := make(chan string, 1)
	found := 0
	for i := 0; i < 100000; i++ {
		answers <- "yes"
		if answer, err := lookup(answers); err == nil && answer == "yes" {
			found++
		}
	}
	fmt.Println("found:", found)
}
