// The owner of this code decided the header may pin the file, and says so with a
// directive on the line.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type index struct {
	headers [][]byte
}

func (ix *index) add(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	//goleakfix:ignore subslice-retention // files are small and short-lived here
	ix.headers = append(ix.headers, data[:4])
	return nil
}

func exercise() {
	ix := &index{}
	if err := ix.add(bytes.NewReader([]byte("head and body"))); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", ix.headers)
}
