// The cancel function of a timeout context is discarded, so the context and its timer
// stay registered with the parent until the timeout fires.
package main

import (
	"context"
	"fmt"
	"time"
)

func fetch(parent context.Context, key string) (string, error) {
	ctx, _ := context.WithTimeout(parent, time.Minute)
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "value of " + key, nil
}

func exercise() {
	for i := 0; i < 3; i++ {
		fmt.Println(fetch(context.Background(), fmt.Sprint("k", i)))
	}
}
