// The producer loops, but every path through it sends once: it sends an error and
// returns, or sends nil after the loop. The one buffer slot takes that send, so the
// producer never blocks, even though the polling consumer can return first.
package main

import (
	"errors"
	"fmt"
	"time"
)

func run(steps []error, polls int) error {
	errCh := make(chan error, 1)
	go func() {
		for _, err := range steps {
			if err != nil {
				errCh <- fmt.Errorf("step failed: %v", err)
				return
			}
			time.Sleep(time.Millisecond)
		}
		errCh <- nil
	}()

	polled := 0
	for {
		select {
		case err := <-errCh:
			if err != nil {
				return err
			}
		default:
		}
		if polled == polls {
			return nil
		}
		polled++
		time.Sleep(time.Millisecond)
	}
}

func exercise() {
	fmt.Println(run([]error{nil, errors.New("disk full")}, 5))
	fmt.Println(run([]error{nil, nil}, 0))
}
