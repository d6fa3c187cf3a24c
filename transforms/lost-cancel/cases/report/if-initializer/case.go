// The context is made in an if statement's initializer, where no statement can follow
// it to defer the cancel.
package main

import (
	"context"
	"fmt"
	"time"
)

func alive(parent context.Context) bool {
	if ctx, _ := context.WithTimeout(parent, time.Second); ctx.Err() == nil {
		return true
	}
	return false
}

func exercise() {
	fmt.Println(alive(context.Background()))
}
