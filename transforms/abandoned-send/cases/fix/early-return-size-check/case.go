// The checksum goroutine starts before the size check, and an oversized input
// returns before the receive. The goroutine then blocks on its send forever.
package main

import (
	"fmt"
	"hash/crc32"
)

func digest(name string, data []byte, limit int) (string, error) {
	sums := make(chan uint32)
	go func() {
		sums <- crc32.ChecksumIEEE(data)
	}()

	if len(data) > limit {
		return "", fmt.Errorf("digest %s: %d bytes exceeds the limit of %d", name, len(data), limit)
	}
	return fmt.Sprintf("%s:%08x", name, <-sums), nil
}

var inputs = map[string]string{
	"a.txt": "short",
	"b.txt": "a line that is much too long for the limit",
	"c.txt": "another line that is too long",
	"d.txt": "ok",
}

func exercise() {
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		fmt.Println(digest(name, []byte(inputs[name]), 8))
	}
}

func steady() {
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		fmt.Println(digest(name, []byte(inputs[name]), 100))
	}
}
