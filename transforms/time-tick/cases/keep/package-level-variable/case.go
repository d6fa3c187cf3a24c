// A package-level channel is made once for the whole process.
package main

import (
	"fmt"
	"time"
)

var ticks = time.Tick(time.Millisecond)

func exercise() {
	<-ticks
	fmt.Println("ticked")
}
