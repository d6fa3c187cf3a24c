// The sum goroutine starts before the factor is checked, and a zero factor
// panics before the receive. The recovered caller leaves the sender blocked.
package main

import "fmt"

func sum(values []int) int {
	total := 0
	for _, v := range values {
		total += v
	}
	return total
}

func mustScale(values []int, factor int) int {
	totals := make(chan int)
	go func() {
		totals <- sum(values)
	}()

	if factor == 0 {
		panic("scale factor must not be zero")
	}
	return factor * <-totals
}

func tryScale(values []int, factor int) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return mustScale(values, factor), nil
}

func exercise() {
	for _, factor := range []int{3, 0, 0, 2} {
		fmt.Println(tryScale([]int{1, 2, 3}, factor))
	}
}

func steady() {
	for _, factor := range []int{3, 2} {
		fmt.Println(tryScale([]int{1, 2, 3}, factor))
	}
}
