// The consumer jumps past its receive loop with goto when it sees a marker, and the
// producer blocks on its next send.
package main

import "fmt"

func beforeMarker(parts []string, marker string) int {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, part := range parts {
			ch <- part
		}
	}()
	count := 0
	for part := range ch {
		if part == marker {
			goto done
		}
		count++
	}
done:
	return count
}

func exercise() {
	fmt.Println(beforeMarker([]string{"a", "b", "--", "c", "d"}, "--"))
}

func steady() {
	fmt.Println(beforeMarker([]string{"a", "b", "c"}, "--"))
}
