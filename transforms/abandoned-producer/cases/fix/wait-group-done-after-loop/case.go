// One producer per shard sends its values and calls wg.Done after its loop; a third
// goroutine closes the channel once all are done. The function returns at the first
// value over the limit, so the producers block. The fix must break out of the loop,
// not return, so that wg.Done still runs and the channel still gets closed.
package main

import (
	"fmt"
	"sync"
)

func anyOver(shards [][]int, limit int) bool {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Add(1)
		go func() {
			for _, v := range shard {
				results <- v
			}
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	for v := range results {
		if v > limit {
			return true
		}
	}
	return false
}

func exercise() {
	shards := [][]int{{1, 2, 30, 4}, {5, 60, 7}}
	fmt.Println(anyOver(shards, 10))
}

func steady() {
	shards := [][]int{{1, 2, 3}, {4, 5}}
	fmt.Println(anyOver(shards, 10))
	fmt.Println(anyOver(nil, 10))
}
