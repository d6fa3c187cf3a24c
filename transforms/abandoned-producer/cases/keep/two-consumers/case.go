// Two goroutines read the same channel. When one leaves early the other may still
// drain it, and one stop channel could not tell, so the rule leaves it alone.
package main

import (
	"fmt"
	"sync"
)

func split(values []int) (int, int) {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	var even, odd int
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for v := range ch {
			if v < 0 {
				return
			}
			even++
		}
	}()
	go func() {
		defer wg.Done()
		for range ch {
			odd++
		}
	}()
	wg.Wait()
	return even, odd
}

func exercise() {
	even, odd := split([]int{1, 2, 3, 4})
	fmt.Println(even+odd == 4)
}
