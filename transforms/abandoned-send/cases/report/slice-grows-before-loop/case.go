// The slice gains elements between the make and the loop that starts one goroutine
// per element, so `len(jobs)` at the make would be too small. The rule reports the
// leak without a fix.
package main

import (
	"errors"
	"fmt"
)

func runJob(id int) error {
	if id%2 == 0 {
		return errors.New("job failed")
	}
	return nil
}

func runAll(jobs []int) error {
	errc := make(chan error)
	jobs = append(jobs, 100, 102)
	for _, id := range jobs {
		go func() {
			errc <- runJob(id)
		}()
	}
	for range jobs {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func exercise() {
	fmt.Println(runAll([]int{1, 3}))
}
