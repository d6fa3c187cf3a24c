// This case leaks on purpose. The channel is returned, so only the caller decides
// whether it is received, and the rule checks one function at a time.
package main

import (
	"fmt"
	"time"
)

func startDownload(url string, delay time.Duration) <-chan int {
	sizes := make(chan int)
	go func() {
		time.Sleep(delay)
		sizes <- len(url) * 1024
	}()
	return sizes
}

func downloadSize(url string, wait, delay time.Duration) (int, error) {
	select {
	case size := <-startDownload(url, delay):
		return size, nil
	case <-time.After(wait):
		return 0, fmt.Errorf("download %s: timed out", url)
	}
}

func exercise() {
	for _, url := range []string{"/a.bin", "/b.bin", "/c.bin"} {
		fmt.Println(downloadSize(url, 2*time.Millisecond, 20*time.Millisecond))
	}
}
