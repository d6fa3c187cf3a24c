// The timeout abandons the channel, but it already has one slot, so the late
// send completes and the goroutine exits. The capacity must stay as it is.
package main

import (
	"errors"
	"fmt"
	"time"
)

func verify(token string, delay time.Duration) error {
	time.Sleep(delay)
	if token == "" {
		return errors.New("verify: empty token")
	}
	return nil
}

func verifyWithin(token string, wait, delay time.Duration) error {
	verdicts := make(chan error, 1)
	go func() {
		verdicts <- verify(token, delay)
	}()

	select {
	case err := <-verdicts:
		return err
	case <-time.After(wait):
		return errors.New("verify: timed out")
	}
}

func exercise() {
	for _, token := range []string{"abc", "", "xyz"} {
		fmt.Println(verifyWithin(token, 2*time.Millisecond, 20*time.Millisecond))
	}
}
