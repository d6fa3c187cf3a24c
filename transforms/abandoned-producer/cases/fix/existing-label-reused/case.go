// The producer's loop already has a label, and the producer logs after the loop.
// The fix breaks out through the existing label so that the log line still runs.
package main

import (
	"fmt"
	"sync"
)

func firstOdd(rows [][]int, log *[]string, wg *sync.WaitGroup) int {
	ch := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
	rows:
		for _, row := range rows {
			for _, v := range row {
				if v < 0 {
					continue rows
				}
				ch <- v
			}
		}
		*log = append(*log, "producer done")
	}()
	for v := range ch {
		if v%2 == 1 {
			return v
		}
	}
	return 0
}

func exercise() {
	var log []string
	var wg sync.WaitGroup
	fmt.Println(firstOdd([][]int{{2, 3, 4}, {5, 6}}, &log, &wg))
}

func steady() {
	var log []string
	var wg sync.WaitGroup
	// The producer never closes the channel, so a consumer that reads every value
	// must stop on its own: it reads until the first odd value, which comes last.
	fmt.Println(firstOdd([][]int{{2, -1, 4}, {6, 7}}, &log, &wg))
	wg.Wait()
	fmt.Println(log)
}
