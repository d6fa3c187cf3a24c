// The goroutine signals completion from a deferred closure. After a timeout
// nothing receives that signal, so the goroutine blocks in its deferred send.
package main

import (
	"fmt"
	"time"
)

// applyMigration simulates a schema change that takes delay.
func applyMigration(delay time.Duration) {
	time.Sleep(delay)
}

func migrate(table string, wait, delay time.Duration) error {
	done := make(chan struct{})
	go func() {
		defer func() { done <- struct{}{} }()
		applyMigration(delay)
	}()

	select {
	case <-done:
		return nil
	case <-time.After(wait):
		return fmt.Errorf("migrate %s: still running after %v", table, wait)
	}
}

func exercise() {
	for _, table := range []string{"users", "orders", "invoices"} {
		fmt.Println(migrate(table, 2*time.Millisecond, 20*time.Millisecond))
	}
}

func steady() {
	for _, table := range []string{"users", "orders", "invoices"} {
		fmt.Println(migrate(table, time.Second, 0))
	}
}
