// A profile load records a timeout error and falls back to a guest profile
// after the select. The loader goroutine is never received from and blocks.
package main

import (
	"fmt"
	"strings"
	"time"
)

func fetchProfile(user string, delay time.Duration) string {
	time.Sleep(delay)
	return "profile:" + strings.ToLower(user)
}

func loadProfile(user string, wait, delay time.Duration) string {
	profiles := make(chan string)
	go func() {
		profiles <- fetchProfile(user, delay)
	}()

	var profile string
	var err error
	select {
	case profile = <-profiles:
	case <-time.After(wait):
		err = fmt.Errorf("load profile %q: timed out after %v", user, wait)
	}

	if err != nil {
		fmt.Println("warning:", err)
		profile = "profile:guest"
	}
	return profile
}

func exercise() {
	for _, user := range []string{"Ada", "Brian", "Grace"} {
		fmt.Println(loadProfile(user, 2*time.Millisecond, 20*time.Millisecond))
	}
}

func steady() {
	for _, user := range []string{"Ada", "Brian", "Grace"} {
		fmt.Println(loadProfile(user, time.Second, 0))
	}
}
