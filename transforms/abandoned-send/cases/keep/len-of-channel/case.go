// This case leaks on purpose. The code reads len(replies), and a buffer would
// change what len returns, so the rule must not change the capacity.
package main

import (
	"fmt"
	"time"
)

func ask(question string, delay time.Duration) string {
	time.Sleep(delay)
	return "answer to " + question
}

func askWithin(question string, wait, delay time.Duration) (string, error) {
	replies := make(chan string)
	go func() {
		replies <- ask(question, delay)
	}()

	select {
	case reply := <-replies:
		return reply, nil
	case <-time.After(wait):
		return "", fmt.Errorf("ask %q: timed out with %d queued replies", question, len(replies))
	}
}

func exercise() {
	for _, q := range []string{"why", "how", "when"} {
		fmt.Println(askWithin(q, 2*time.Millisecond, 20*time.Millisecond))
	}
}
