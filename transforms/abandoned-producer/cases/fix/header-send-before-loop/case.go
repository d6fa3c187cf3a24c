// The producer sends a header before its loop and reports that it finished after
// the loop. The consumer stops after the first rows it needs. The header send,
// outside any loop, moves on when the consumer has left; the loop's sends break
// out so the report still runs.
package main

import (
	"fmt"
	"sync"
)

func firstRows(rows []string, want int, done *[]string, wg *sync.WaitGroup) []string {
	ch := make(chan string)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- "header"
		for _, row := range rows {
			ch <- row
		}
		*done = append(*done, fmt.Sprintf("sent %d rows", len(rows)))
		close(ch)
	}()
	var got []string
	for row := range ch {
		got = append(got, row)
		if len(got) == want {
			return got
		}
	}
	return got
}

func exercise() {
	var done []string
	var wg sync.WaitGroup
	fmt.Println(firstRows([]string{"a", "b", "c", "d"}, 2, &done, &wg))
}

func steady() {
	var done []string
	var wg sync.WaitGroup
	fmt.Println(firstRows([]string{"a", "b"}, 5, &done, &wg))
	wg.Wait()
	fmt.Println(done)
}
