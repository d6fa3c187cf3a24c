// This case leaks on purpose. The goroutine sends twice, and the rule leaves
// alone every goroutine that can send more than once on the channel.
package main

import (
	"fmt"
	"time"
)

func exportReport(name string, wait, delay time.Duration) (string, error) {
	progress := make(chan string)
	go func() {
		progress <- name + ": started"
		time.Sleep(delay)
		progress <- name + ": written"
	}()

	started := <-progress
	select {
	case finished := <-progress:
		return started + ", " + finished, nil
	case <-time.After(wait):
		return started, fmt.Errorf("export %s: timed out", name)
	}
}

func exercise() {
	for _, name := range []string{"q1", "q2", "q3"} {
		fmt.Println(exportReport(name, 2*time.Millisecond, 20*time.Millisecond))
	}
}
