// Shape: two copy goroutines (one per direction) report on one shared unbuffered
// channel, but the caller receives at most once and may also leave via a stop channel.
package main

import (
	"fmt"
	"io"
	"net"
	"time"
)

type consoleBridge struct{}

// pump shuttles bytes both ways until one side fails or stop is closed.
func (b *consoleBridge) pump(client, guest io.ReadWriter, stop <-chan struct{}) error {
	copyResult := make(chan error)
	go func() {
		_, err := io.Copy(client, guest)
		copyResult <- err
	}()
	go func() {
		_, err := io.Copy(guest, client)
		copyResult <- err
	}()
	select {
	case <-stop:
		return nil
	case err := <-copyResult:
		if err != nil && err != io.EOF {
			return fmt.Errorf("pump: %w", err)
		}
		return nil
	}
}

func exercise() {
	for i := 0; i < 3; i++ {
		userEnd, client := net.Pipe()
		guest, vmEnd := net.Pipe()
		go func() { time.Sleep(5 * time.Millisecond); userEnd.Close(); vmEnd.Close() }()
		_ = (&consoleBridge{}).pump(client, guest, make(chan struct{}))
	}
}
