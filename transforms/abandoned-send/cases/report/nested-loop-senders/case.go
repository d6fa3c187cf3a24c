// One goroutine per shard and replica, started in two nested loops, and a receive
// loop that returns on the first error. The number of senders is a product the rule
// does not compute, so it reports the leak without a fix.
package main

import (
	"errors"
	"fmt"
	"time"
)

func syncReplica(shard, replica int) error {
	time.Sleep(time.Duration(shard+replica) * time.Millisecond)
	if shard == 0 && replica == 0 {
		return errors.New("replica 0 of shard 0 is behind")
	}
	return nil
}

func syncAll(shards, replicas int) error {
	errc := make(chan error)
	for s := 0; s < shards; s++ {
		for r := 0; r < replicas; r++ {
			go func() {
				errc <- syncReplica(s, r)
			}()
		}
	}
	for i := 0; i < shards*replicas; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	fmt.Println(syncAll(2, 3))
}
