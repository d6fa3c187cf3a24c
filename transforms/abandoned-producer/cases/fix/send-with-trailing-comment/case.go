// The producer's send and the channel's declaration carry trailing comments. The
// fix keeps the send's comment on the `case` line, and the file stays gofmt-clean.
package main

import "fmt"

func firstGap(sorted []int) (int, bool) {
	ch := make(chan int) // differences between neighbours
	go func() {
		defer close(ch)
		for i := 1; i < len(sorted); i++ {
			ch <- sorted[i] - sorted[i-1] // never negative for sorted input
		}
	}()
	for gap := range ch {
		if gap > 1 {
			return gap, true
		}
	}
	return 0, false
}

func exercise() {
	fmt.Println(firstGap([]int{1, 2, 5, 6, 7, 8}))
}

func steady() {
	fmt.Println(firstGap([]int{1, 2, 3}))
	fmt.Println(firstGap(nil))
}
