// A status poll stops waiting once quit is closed and goes on with a default
// status. Nothing receives from replies after the select, so the probe blocks.
package main

import (
	"fmt"
	"strings"
	"time"
)

func probeHost(host string, delay time.Duration) string {
	time.Sleep(delay)
	if strings.HasPrefix(host, "db") {
		return "degraded"
	}
	return "healthy"
}

func pollStatus(host string, quit <-chan struct{}, delay time.Duration) string {
	replies := make(chan string)
	go func() {
		replies <- probeHost(host, delay)
	}()

	status := "unknown"
	select {
	case reply := <-replies:
		status = reply
	case <-quit:
		status = "not polled (shutting down)"
	}
	return host + ": " + status
}

func exercise() {
	quit := make(chan struct{})
	close(quit)
	for _, host := range []string{"web-1", "web-2", "db-1"} {
		fmt.Println(pollStatus(host, quit, 20*time.Millisecond))
	}
}

func steady() {
	quit := make(chan struct{})
	for _, host := range []string{"web-1", "web-2", "db-1"} {
		fmt.Println(pollStatus(host, quit, 0))
	}
}
