// Receiving from time.After outside a select is a sleep: the timer fires before the
// loop goes on.
package main

import (
	"fmt"
	"time"
)

func pace(steps []string, gap time.Duration) int {
	done := 0
	for range steps {
		<-time.After(gap)
		done++
	}
	return done
}

func exercise() {
	fmt.Println("steps:", pace([]string{"a", "b", "c"}, time.Millisecond))
}
