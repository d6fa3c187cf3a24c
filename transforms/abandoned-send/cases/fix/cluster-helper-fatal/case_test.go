// A test helper pings each cluster member in its own goroutine and fails the
// test on the first error it receives, so the members not yet received block.
package leakcase

import (
	"fmt"
	"testing"
	"time"
)

type member struct {
	name    string
	healthy bool
}

func (m member) ping() error {
	if !m.healthy {
		return fmt.Errorf("ping %s: connection refused", m.name)
	}
	time.Sleep(10 * time.Millisecond)
	return nil
}

func requireMembersReady(t *testing.T, members []member) {
	t.Helper()
	pingErrs := make(chan error)
	for _, m := range members {
		go func() {
			pingErrs <- m.ping()
		}()
	}
	for range members {
		if err := <-pingErrs; err != nil {
			t.Fatalf("cluster is not ready: %v", err)
		}
	}
}

func TestClusterReady(t *testing.T) {
	requireMembersReady(t, []member{
		{name: "node-a", healthy: true},
		{name: "node-b", healthy: false},
		{name: "node-c", healthy: true},
		{name: "node-d", healthy: true},
	})
}
