// A helper returns a map whose keys and values are substrings of its argument, and the
// caller stores the map. Copying every entry of a map needs more than one statement, so
// the finding has no automatic fix.
package main

import (
	"fmt"
	"io"
	"strings"
)

func parseHeaders(text string) map[string]string {
	headers := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if name, value, ok := strings.Cut(line, ": "); ok {
			headers[name] = value
		}
	}
	return headers
}

type response struct {
	headers map[string]string
}

func (r *response) read(in io.Reader) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	r.headers = parseHeaders(string(data))
	return nil
}

func exercise() {
	r := &response{}
	if err := r.read(strings.NewReader("Host: example.com\nAccept: */*")); err != nil {
		panic(err)
	}
	fmt.Println(r.headers)
}
