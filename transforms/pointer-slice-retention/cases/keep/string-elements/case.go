// The queue holds strings. Strings do refer to their bytes, but the rule covers only
// pointer, map, slice, channel, function and interface elements, so it leaves this alone.
package main

import "fmt"

type names struct {
	waiting []string
}

func (n *names) next() string {
	name := n.waiting[0]
	n.waiting = n.waiting[1:]
	return name
}

func exercise() {
	n := &names{waiting: []string{"ada", "bob"}}
	fmt.Println(n.next(), n.waiting)
}
