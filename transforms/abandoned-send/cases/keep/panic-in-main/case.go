// In func main an unrecovered panic ends the process, so a sender left blocked by it
// cannot outlive the program. The rule leaves the channel alone.
package main

import (
	"errors"
	"fmt"
)

func startServer(name string) error {
	if name == "" {
		return errors.New("missing server name")
	}
	return nil
}

func main() {
	started := make(chan error)
	go func() {
		started <- startServer("primary")
	}()
	go func() {
		started <- startServer("replica")
	}()
	if err := <-started; err != nil {
		panic(err)
	}
	if err := <-started; err != nil {
		panic(err)
	}
	fmt.Println("both servers started")
}
