// The function already has a cancel variable, so the discarded one gets a new name.
package main

import (
	"context"
	"fmt"
	"time"
)

func twoSteps(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	defer cancel()
	if err := ctx.Err(); err != nil {
		return err
	}
	step, _ := context.WithTimeout(ctx, time.Second)
	return step.Err()
}

func exercise() {
	fmt.Println(twoSteps(context.Background()))
}
