// A method starts another method of its own receiver as the sender, `go c.fill(...)`,
// and gives up on the result after a timeout. The channel needs one buffer slot.
package main

import (
	"fmt"
	"strings"
	"time"
)

type thumbnailCache struct {
	renderDelay time.Duration
}

func (c *thumbnailCache) fill(name string, out chan<- string) {
	time.Sleep(c.renderDelay)
	out <- "thumbnail of " + strings.ToLower(name)
}

func (c *thumbnailCache) thumbnail(name string, wait time.Duration) (string, error) {
	ready := make(chan string)
	go c.fill(name, ready)
	select {
	case thumb := <-ready:
		return thumb, nil
	case <-time.After(wait):
		return "", fmt.Errorf("thumbnail %s: timed out after %v", name, wait)
	}
}

func exercise() {
	c := &thumbnailCache{renderDelay: 20 * time.Millisecond}
	for _, name := range []string{"Cat.png", "Dog.png", "Owl.png"} {
		fmt.Println(c.thumbnail(name, 2*time.Millisecond))
	}
}

func steady() {
	c := &thumbnailCache{renderDelay: time.Millisecond}
	for _, name := range []string{"Cat.png", "Dog.png"} {
		fmt.Println(c.thumbnail(name, time.Second))
	}
}
