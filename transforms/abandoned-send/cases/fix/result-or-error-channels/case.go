// The resolver goroutine sends on addrs when the lookup succeeds and on failures
// when it fails. A timeout abandons both channels, so each needs one slot.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

func lookupAddr(name string, delay time.Duration) (string, error) {
	time.Sleep(delay)
	if strings.HasSuffix(name, ".invalid") {
		return "", errors.New("no such host: " + name)
	}
	return "10.0.0." + fmt.Sprint(len(name)), nil
}

func resolve(name string, wait, delay time.Duration) (string, error) {
	addrs := make(chan string)
	failures := make(chan error)
	go func() {
		addr, err := lookupAddr(name, delay)
		if err != nil {
			failures <- err
		} else {
			addrs <- addr
		}
	}()

	select {
	case addr := <-addrs:
		return addr, nil
	case err := <-failures:
		return "", err
	case <-time.After(wait):
		return "", fmt.Errorf("resolve %s: timed out", name)
	}
}

var names = []string{"api.local", "gone.invalid", "cache.local", "old.invalid"}

func exercise() {
	for _, name := range names {
		fmt.Println(resolve(name, 2*time.Millisecond, 20*time.Millisecond))
	}
}

func steady() {
	for _, name := range names {
		fmt.Println(resolve(name, time.Second, 0))
	}
}
