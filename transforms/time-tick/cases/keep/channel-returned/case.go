// The channel is returned to the caller, who may read it for as long as it likes.
package main

import (
	"fmt"
	"time"
)

func every(d time.Duration) <-chan time.Time {
	return time.Tick(d)
}

func exercise() {
	<-every(time.Millisecond)
	fmt.Println("ticked")
}
