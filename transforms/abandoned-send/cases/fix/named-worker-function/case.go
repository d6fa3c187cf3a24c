// The goroutine is a named function that sends its one result on the channel
// it is given. A timeout leaves it blocked, so the channel needs one slot.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

func renderWorker(template string, delay time.Duration, out chan<- string) {
	time.Sleep(delay)
	out <- strings.ReplaceAll(template, "{name}", "world")
}

func render(template string, wait, delay time.Duration) (string, error) {
	out := make(chan string)
	go renderWorker(template, delay, out)

	select {
	case page := <-out:
		return page, nil
	case <-time.After(wait):
		return "", errors.New("render: timed out")
	}
}

func exercise() {
	for _, tmpl := range []string{"hello {name}", "bye {name}", "{name}!"} {
		fmt.Println(render(tmpl, 2*time.Millisecond, 20*time.Millisecond))
	}
}

func steady() {
	for _, tmpl := range []string{"hello {name}", "bye {name}", "{name}!"} {
		fmt.Println(render(tmpl, time.Second, 0))
	}
}
