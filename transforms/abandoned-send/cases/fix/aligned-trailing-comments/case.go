// The channel's make sits in a block of aligned trailing comments. Buffering it
// lengthens the line, so the fix must realign the block as gofmt does.
package main

import (
	"fmt"
	"time"
)

func fetchQuota(account string) int {
	time.Sleep(20 * time.Millisecond)
	return len(account) * 100
}

func quotaOrDefault(account string, wait time.Duration) int {
	quota := make(chan int)         // filled by the fetcher
	fallback := 50                  // used when the fetch is slow
	label := "quota for " + account // shown in logs
	go func() {
		quota <- fetchQuota(account)
	}()
	select {
	case q := <-quota:
		return q
	case <-time.After(wait):
		fmt.Println(label, "timed out")
		return fallback
	}
}

func exercise() {
	for _, account := range []string{"ana", "bo", "cyd"} {
		fmt.Println(quotaOrDefault(account, 2*time.Millisecond))
	}
}

func steady() {
	fmt.Println(quotaOrDefault("dee", time.Second))
}
