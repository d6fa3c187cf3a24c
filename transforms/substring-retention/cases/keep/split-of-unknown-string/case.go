// The fields come from a string the function is handed by callers it does not show, so
// the source is not known to be large.
package main

import (
	"fmt"
	"strings"
)

type route struct {
	method, path string
}

var routes []route

func Register(line string) {
	fields := strings.Fields(line)
	if len(fields) == 2 {
		routes = append(routes, route{fields[0], fields[1]})
	}
}

func exercise() {
	Register("GET /index")
	fmt.Println(routes)
}
