// Two replicas race and the caller takes the first result with a single receive, so
// the slower sender blocks forever. Both sends need a buffer slot.
package main

import (
	"fmt"
	"time"
)

func ask(replica string, delay time.Duration) string {
	time.Sleep(delay)
	return "answer from " + replica
}

// fastest queries two replicas and returns the first result.
func fastest() string {
	answers := make(chan string)
	go func() {
		answers <- ask("east", 5*time.Millisecond)
	}()
	go func() {
		answers <- ask("west", 20*time.Millisecond)
	}()
	return <-answers
}

func exercise() {
	for i := 0; i < 3; i++ {
		fmt.Println(fastest())
	}
}
