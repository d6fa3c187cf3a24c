// The receive loop keeps the first error but goes on receiving from every
// goroutine, so each send is received and nothing leaks. Leave it alone.
package main

import (
	"fmt"
	"time"
)

func probePort(port int) error {
	if port%2 == 1 {
		return fmt.Errorf("port %d: closed", port)
	}
	time.Sleep(5 * time.Millisecond)
	return nil
}

func probeAll(ports []int) error {
	errc := make(chan error)
	for _, port := range ports {
		go func() {
			errc <- probePort(port)
		}()
	}

	var first error
	for range ports {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func exercise() {
	fmt.Println(probeAll([]int{80, 443, 8080}))
	fmt.Println(probeAll([]int{22, 80}))
	fmt.Println(probeAll([]int{8443, 9001}))
}
