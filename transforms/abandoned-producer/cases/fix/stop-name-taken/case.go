// The function already has a variable named stop and a parameter named stop2, so
// the new stop channel must take another name.
package main

import "fmt"

func takeUntil(values []string, stop2 string) []string {
	stop := stop2
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, v := range values {
			ch <- v
		}
	}()
	var taken []string
	for v := range ch {
		if v == stop {
			return taken
		}
		taken = append(taken, v)
	}
	return taken
}

func exercise() {
	fmt.Println(takeUntil([]string{"a", "b", "end", "c", "d"}, "end"))
}

func steady() {
	fmt.Println(takeUntil([]string{"a", "b"}, "end"))
}
