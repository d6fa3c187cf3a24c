// One upload goroutine runs per file, and the caller returns on the first
// failed upload. The uploads it has not received yet block on their sends.
package main

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

func upload(file string) error {
	if strings.HasSuffix(file, ".tmp") {
		return errors.New("upload " + file + ": temporary files are not allowed")
	}
	time.Sleep(10 * time.Millisecond)
	return nil
}

func uploadAll(files []string) error {
	results := make(chan error)
	for _, file := range files {
		go func() {
			results <- upload(file)
		}()
	}
	for range files {
		if err := <-results; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	fmt.Println(uploadAll([]string{"a.txt", "b.tmp", "c.txt"}))
	fmt.Println(uploadAll([]string{"d.tmp", "e.txt"}))
	fmt.Println(uploadAll([]string{"f.txt", "g.txt", "h.txt", "i.tmp"}))
}

func steady() {
	fmt.Println(uploadAll([]string{"a.txt", "c.txt"}))
	fmt.Println(uploadAll([]string{"e.txt"}))
	fmt.Println(uploadAll(nil))
}
