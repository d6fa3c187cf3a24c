// The timeout case only logs and then still receives from the channel, so the
// sender is always received. The rule must leave it alone.
package main

import (
	"fmt"
	"log"
	"os"
	"time"
)

var slowLog = log.New(os.Stdout, "", 0)

func backup(volume string, delay time.Duration) error {
	time.Sleep(delay)
	if volume == "scratch" {
		return fmt.Errorf("backup %s: volume is excluded", volume)
	}
	return nil
}

func backupAndReport(volume string, wait, delay time.Duration) error {
	results := make(chan error)
	go func() {
		results <- backup(volume, delay)
	}()

	var err error
	select {
	case err = <-results:
	case <-time.After(wait):
		slowLog.Printf("backup %s: still running after %v", volume, wait)
		err = <-results
	}
	return err
}

func exercise() {
	for _, volume := range []string{"home", "scratch", "var"} {
		fmt.Println(backupAndReport(volume, 2*time.Millisecond, 20*time.Millisecond))
	}
}
