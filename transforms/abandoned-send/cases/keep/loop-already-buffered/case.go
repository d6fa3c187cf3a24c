// One goroutine per item sends on a channel that is already buffered to the
// number of items, so returning on the first error leaks nothing. Leave it alone.
package main

import (
	"errors"
	"fmt"
	"time"
)

func compress(item string) error {
	if item == "" {
		return errors.New("compress: empty item")
	}
	time.Sleep(10 * time.Millisecond)
	return nil
}

func compressAll(items []string) error {
	errc := make(chan error, len(items))
	for _, item := range items {
		go func() {
			errc <- compress(item)
		}()
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	fmt.Println(compressAll([]string{"a", "", "c"}))
	fmt.Println(compressAll([]string{"", "e"}))
	fmt.Println(compressAll([]string{"f", "g"}))
}
