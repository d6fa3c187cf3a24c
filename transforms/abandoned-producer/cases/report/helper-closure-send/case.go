// The producer sends from a helper closure. A `return` in the closure would leave
// only the closure, not the goroutine, so the finding comes without a fix.
package main

import "fmt"

func firstMultiple(values []int, factor int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		emit := func(v int) {
			ch <- v
		}
		for _, v := range values {
			emit(v)
		}
	}()
	for v := range ch {
		if v%factor == 0 {
			return v
		}
	}
	return 0
}

func exercise() {
	fmt.Println(firstMultiple([]int{1, 4, 6, 7}, 2))
}
