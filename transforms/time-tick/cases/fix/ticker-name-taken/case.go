// The function already uses the name ticker, so the new ticker gets another name.
package main

import (
	"fmt"
	"time"
)

type ticker struct{ name string }

func status(t ticker, stop <-chan struct{}) string {
	refresh := time.Tick(5 * time.Minute)
	for {
		select {
		case <-refresh:
			t.name += "."
		case <-stop:
			return t.name
		}
	}
}

func exercise() {
	stop := make(chan struct{})
	close(stop)
	length := 0
	for i := 0; i < 100000; i++ {
		length += len(status(ticker{name: "t"}, stop))
	}
	fmt.Println("length:", length)
}
