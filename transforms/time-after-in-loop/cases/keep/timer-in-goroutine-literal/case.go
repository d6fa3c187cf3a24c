// Each iteration starts a goroutine that waits for its own result or a timeout; the
// time.After belongs to the goroutine, which runs its select once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func fetchAll(keys []string, limit time.Duration) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	found := 0
	for _, key := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			result := make(chan bool, 1)
			go func() { result <- len(key) > 0 }()
			select {
			case ok := <-result:
				if ok {
					mu.Lock()
					found++
					mu.Unlock()
				}
			case <-time.After(limit):
			}
		}()
	}
	wg.Wait()
	return found
}

func exercise() {
	fmt.Println("found:", fetchAll([]string{"a", "b", ""}, time.Minute))
}
