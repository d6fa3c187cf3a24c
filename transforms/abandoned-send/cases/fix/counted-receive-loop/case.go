// Each of n shard checks runs in its own goroutine, and the receive loop returns
// on the first error, so the checks not received yet block on their sends.
package main

import (
	"fmt"
	"time"
)

func checkShard(id, broken int) error {
	if id == broken {
		return fmt.Errorf("shard %d: checksum mismatch", id)
	}
	time.Sleep(10 * time.Millisecond)
	return nil
}

func checkShards(n, broken int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() {
			errc <- checkShard(i, broken)
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	for _, broken := range []int{0, 2, 3} {
		fmt.Println(checkShards(4, broken))
	}
}

func steady() {
	for _, n := range []int{1, 3, 4} {
		fmt.Println(checkShards(n, -1))
	}
}
