// The consumer leaves its receive loop with a labelled break from inside a switch,
// and the producer blocks on its next send.
package main

import "fmt"

func untilQuit(commands []string) []string {
	ch := make(chan string, 1)
	go func() {
		defer close(ch)
		for _, command := range commands {
			ch <- command
		}
	}()
	var run []string
receive:
	for command := range ch {
		switch command {
		case "quit":
			break receive
		case "":
			continue
		default:
			run = append(run, command)
		}
	}
	return run
}

func exercise() {
	fmt.Println(untilQuit([]string{"a", "", "b", "quit", "c", "d", "e"}))
}

func steady() {
	fmt.Println(untilQuit([]string{"a", "", "b"}))
}
