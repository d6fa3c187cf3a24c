// The channel has one slot per item and the producer sends once per item, so its
// sends always fit the buffer.
package main

import (
	"fmt"
	"strings"
)

func firstLong(items []string, minimum int) string {
	ch := make(chan string, len(items))
	go func() {
		defer close(ch)
		for _, item := range items {
			ch <- strings.TrimSpace(item)
		}
	}()
	for item := range ch {
		if len(item) >= minimum {
			return item
		}
	}
	return ""
}

func exercise() {
	fmt.Println(firstLong([]string{" a", "bbb ", "cc"}, 3))
}
