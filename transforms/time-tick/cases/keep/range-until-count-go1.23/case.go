// A waiter ranges over time.Tick until it has seen enough ticks and breaks out. The
// ticker keeps firing after the function returns, for the rest of the process.
package main

import (
	"fmt"
	"sync"
	"time"
)

const pollEvery = 100 * time.Millisecond

func waitTicks(n int) int {
	seen := 0
	for range time.Tick(pollEvery) {
		seen++
		if seen == n {
			break
		}
	}
	return seen
}

// exercise waits for 40,000 first ticks, 2,000 at a time, so it takes about two
// seconds and leaves 40,000 tickers before the fix.
func exercise() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for g := 0; g < 2000; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				seen := waitTicks(1)
				mu.Lock()
				total += seen
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("ticks:", total)
}

func steady() {
	fmt.Println("ticks:", waitTicks(2))
}
