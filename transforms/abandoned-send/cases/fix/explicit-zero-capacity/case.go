// The channel is made with an explicit capacity of 0, which is still unbuffered.
// A late reader goroutine blocks on its send after the timeout, so 0 becomes 1.
package main

import (
	"bytes"
	"fmt"
	"time"
)

func readBlock(id int, delay time.Duration) []byte {
	time.Sleep(delay)
	return bytes.Repeat([]byte{byte('a' + id)}, 4)
}

func fetchBlock(id int, wait, delay time.Duration) ([]byte, error) {
	blocks := make(chan []byte, 0)
	go func() {
		blocks <- readBlock(id, delay)
	}()

	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case block := <-blocks:
		return block, nil
	case <-timer.C:
		return nil, fmt.Errorf("fetch block %d: timed out", id)
	}
}

func exercise() {
	for id := 0; id < 4; id++ {
		block, err := fetchBlock(id, 2*time.Millisecond, 20*time.Millisecond)
		fmt.Printf("%q %v\n", block, err)
	}
}

func steady() {
	for id := 0; id < 4; id++ {
		block, err := fetchBlock(id, time.Second, 0)
		fmt.Printf("%q %v\n", block, err)
	}
}
