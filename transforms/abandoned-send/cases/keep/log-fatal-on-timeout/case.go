// The timeout case calls log.Fatal, which ends the process, so a sender blocked
// after it cannot outlive the program. The rule must leave it alone.
package main

import (
	"fmt"
	"log"
	"strings"
	"time"
)

func loadConfig(path string) string {
	return "config from " + strings.TrimSuffix(path, ".yaml")
}

func mustLoadConfig(path string, wait time.Duration) string {
	configs := make(chan string)
	go func() {
		configs <- loadConfig(path)
	}()

	select {
	case cfg := <-configs:
		return cfg
	case <-time.After(wait):
		log.Fatalf("load config %s: timed out after %v", path, wait)
	}
	return ""
}

func exercise() {
	for _, path := range []string{"app.yaml", "db.yaml", "cache.yaml"} {
		fmt.Println(mustLoadConfig(path, time.Second))
	}
}
