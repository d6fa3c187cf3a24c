// The function ranges over the channel itself and returns on the first negative
// reading, so the producer blocks on its next send.
package main

import "fmt"

func firstNegative(readings []int) (int, bool) {
	values := make(chan int)
	go func() {
		defer close(values)
		for _, r := range readings {
			values <- r
		}
	}()
	for v := range values {
		if v < 0 {
			return v, true
		}
	}
	return 0, false
}

func exercise() {
	fmt.Println(firstNegative([]int{3, -1, 4, 1, 5}))
	fmt.Println(firstNegative([]int{-2, 7, 1}))
}

func steady() {
	fmt.Println(firstNegative([]int{3, 1, 4}))
	fmt.Println(firstNegative([]int{-5}))
	fmt.Println(firstNegative(nil))
}
