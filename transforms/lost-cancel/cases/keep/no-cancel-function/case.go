// WithValue and WithoutCancel return no cancel function, so there is nothing to call.
package main

import (
	"context"
	"fmt"
)

type userKey struct{}

func annotate(parent context.Context, user string) context.Context {
	ctx := context.WithValue(parent, userKey{}, user)
	return context.WithoutCancel(ctx)
}

func exercise() {
	fmt.Println(annotate(context.Background(), "ada").Value(userKey{}))
}
