// The function makes a channel on each turn of a loop and leaves the inner receive
// loop early. `defer close(stop)` would only run when the function returns, so the
// finding comes without a fix.
package main

import "fmt"

func firstPerRow(rows [][]int) []int {
	var firsts []int
	for _, row := range rows {
		ch := make(chan int)
		go func() {
			defer close(ch)
			for _, v := range row {
				ch <- v
			}
		}()
		for v := range ch {
			firsts = append(firsts, v)
			break
		}
	}
	return firsts
}

func exercise() {
	fmt.Println(firstPerRow([][]int{{1, 2}, {3, 4}}))
}
