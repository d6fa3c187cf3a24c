// The elements are structs of numbers, which point to nothing.
package main

import "fmt"

type point struct {
	x, y int
}

type path struct {
	points []point
}

func (p *path) advance() point {
	next := p.points[0]
	p.points = p.points[1:]
	return next
}

func exercise() {
	p := &path{points: []point{{1, 2}, {3, 4}}}
	fmt.Println(p.advance(), p.points)
}
