// A lookup gives up after a deadline; the worker goroutine that was still computing
// then blocks forever on its send, because nobody will ever receive from the channel.
package main

import (
	"errors"
	"fmt"
	"time"
)

func slowLookup(key string) error {
	time.Sleep(50 * time.Millisecond)
	return errors.New("lookup " + key + ": not found")
}

func lookupWithDeadline(key string, deadline time.Duration) error {
	result := make(chan error)
	go func() {
		result <- slowLookup(key)
	}()

	select {
	case <-time.After(deadline):
		return errors.New("lookup " + key + ": timed out")
	case err := <-result:
		return err
	}
}

func exercise() {
	for i := 0; i < 5; i++ {
		fmt.Println(lookupWithDeadline(fmt.Sprint("k", i), 10*time.Millisecond))
	}
}
