// A filter writes the kept errors into a slice sized for all of them and returns the
// filled part. That part is what the slice was made for, not a small piece of it.
package main

import (
	"errors"
	"fmt"
)

type errorList []error

func (e errorList) withoutNil() errorList {
	kept := make([]error, len(e))
	n := 0
	for _, err := range e {
		if err == nil {
			continue
		}
		kept[n] = err
		n++
	}
	return errorList(kept[:n])
}

func exercise() {
	list := errorList{errors.New("a"), nil, errors.New("b")}
	fmt.Println(list.withoutNil())
}
