// On timeout a second goroutine receives the late value, so the sender always
// completes. Another receiver exists, so the rule leaves the channel unbuffered.
package main

import (
	"fmt"
	"time"
)

func resizeImage(name string, delay time.Duration) string {
	time.Sleep(delay)
	return name + "@2x"
}

func resizeWithin(name string, wait, delay time.Duration) (string, error) {
	resized := make(chan string)
	go func() {
		resized <- resizeImage(name, delay)
	}()

	select {
	case out := <-resized:
		return out, nil
	case <-time.After(wait):
		go func() {
			<-resized
		}()
		return "", fmt.Errorf("resize %s: timed out", name)
	}
}

func exercise() {
	for _, name := range []string{"cat.png", "dog.png", "owl.png"} {
		fmt.Println(resizeWithin(name, 2*time.Millisecond, 20*time.Millisecond))
	}
}
