// The recursive iterator after its fix: the walker selects on ctx.Done() and the
// caller cancels ctx when it returns, so the sends are already guarded.
package main

import (
	"context"
	"fmt"
)

// Combos streams every tuple that picks one entry from each set, until ctx ends.
func Combos(ctx context.Context, sets ...[]string) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		walk(ctx, out, sets, 0, make([]string, len(sets)))
	}()
	return out
}

// walk reports false once the consumer has gone away, unwinding the recursion.
func walk(ctx context.Context, out chan<- []string, sets [][]string, depth int, picked []string) bool {
	if depth == len(sets) {
		select {
		case out <- append([]string(nil), picked...):
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, v := range sets[depth] {
		picked[depth] = v
		if !walk(ctx, out, sets, depth+1, picked) {
			return false
		}
	}
	return true
}

func permitted(users, verbs, repos []string, want string) bool {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for t := range Combos(ctx, users, verbs, repos) {
		if t[0]+":"+t[1]+":"+t[2] == want {
			return true
		}
	}
	return false
}

func exercise() {
	u, v, r := []string{"ann", "bo"}, []string{"pull", "push"}, []string{"app", "lib"}
	fmt.Println(permitted(u, v, r, "ann:pull:lib"))
}
