// The context is made in a loop whose iteration can return before its end, so no
// single place cancels it on every path.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func firstReachable(parent context.Context, hosts []string) (string, error) {
	for _, host := range hosts {
		ctx, _ := context.WithTimeout(parent, time.Second)
		if ctx.Err() == nil && host != "" {
			return host, nil
		}
	}
	return "", errors.New("no host reachable")
}

func exercise() {
	fmt.Println(firstReachable(context.Background(), []string{"", "b"}))
}
