// The other case ends the process with log.Fatal, so no timer outlives it.
package main

import (
	"fmt"
	"log"
	"time"
)

func supervise(errs <-chan error, every time.Duration, checks int) int {
	done := 0
	for done < checks {
		select {
		case err := <-errs:
			log.Fatal(err)
		case <-time.After(every):
			done++
		}
	}
	return done
}

func exercise() {
	fmt.Println("checks:", supervise(make(chan error), time.Millisecond, 2))
}
