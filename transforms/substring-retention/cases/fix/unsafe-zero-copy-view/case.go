// A router reads each request body whole and views it as a string without copying. The
// route it keeps is a substring of that view, so it keeps the whole body alive.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"unsafe"
)

type router struct {
	routes []string
}

func (rt *router) learn(body io.Reader) error {
	data, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	view := *(*string)(unsafe.Pointer(&data))
	route, _, found := strings.Cut(view, " ")
	if !found {
		return fmt.Errorf("no route")
	}
	rt.routes = append(rt.routes, route)
	return nil
}

// kept holds the router while the live heap is measured.
var kept *router

func exercise() {
	kept = &router{}
	for i := 0; i < 8; i++ {
		body := fmt.Sprintf("/api/v%d %s", i, strings.Repeat("u", 1<<20))
		if err := kept.learn(strings.NewReader(body)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	fmt.Println("liveheap:", stats.HeapAlloc)
	fmt.Printf("%d routes, last %s\n", len(kept.routes), kept.routes[7])
}
