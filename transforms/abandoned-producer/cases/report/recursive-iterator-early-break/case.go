// Shape: a library returns a channel fed by a recursive named function; the caller
// ranges over it and returns on the first match, leaving the producer blocked.
package main

import "fmt"

// Combos streams every tuple that picks one entry from each set.
func Combos(sets ...[]string) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		walk(out, sets, 0, make([]string, len(sets)))
	}()
	return out
}

func walk(out chan<- []string, sets [][]string, depth int, picked []string) {
	if depth == len(sets) {
		out <- append([]string(nil), picked...)
		return
	}
	for _, v := range sets[depth] {
		picked[depth] = v
		walk(out, sets, depth+1, picked)
	}
}

// permitted is the caller (in another package in the real report).
func permitted(users, verbs, repos []string, want string) bool {
	for t := range Combos(users, verbs, repos) {
		if t[0]+":"+t[1]+":"+t[2] == want {
			return true
		}
	}
	return false
}

func exercise() {
	u, v, r := []string{"ann", "bo"}, []string{"pull", "push"}, []string{"app", "lib"}
	for i := 0; i < 5; i++ {
		fmt.Println(permitted(u, v, r, "ann:pull:lib"))
	}
}
