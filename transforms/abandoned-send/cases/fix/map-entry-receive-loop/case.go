// One goroutine validates each endpoint of a map, and the caller returns on
// the first invalid one. The validators not yet received block on their sends.
package main

import (
	"fmt"
	"strings"
	"time"
)

func validateEndpoint(name, addr string) error {
	if !strings.Contains(addr, ":") {
		return fmt.Errorf("endpoint %s: address %q has no port", name, addr)
	}
	time.Sleep(10 * time.Millisecond)
	return nil
}

func validateAll(endpoints map[string]string) error {
	errc := make(chan error)
	for name, addr := range endpoints {
		go func() {
			errc <- validateEndpoint(name, addr)
		}()
	}
	for range endpoints {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	fmt.Println(validateAll(map[string]string{"api": "api.internal:443", "metrics": "metrics.internal", "auth": "auth.internal:8443"}))
	fmt.Println(validateAll(map[string]string{"queue": "queue.internal", "store": "store.internal:9000"}))
	fmt.Println(validateAll(map[string]string{"search": "search.internal:9200", "mail": "mail.internal"}))
}

func steady() {
	fmt.Println(validateAll(map[string]string{"api": "api.internal:443", "auth": "auth.internal:8443"}))
	fmt.Println(validateAll(map[string]string{"store": "store.internal:9000"}))
}
