// The test's t.Fatal comes before the go statement, and after it the test always
// receives, so no sender can be left blocked. The rule must leave it alone.
package leakcase

import (
	"errors"
	"sort"
	"testing"
)

func loadNames(source string) ([]string, error) {
	if source != "fixtures" {
		return nil, errors.New("load names: unknown source " + source)
	}
	return []string{"carol", "alice", "bob"}, nil
}

func TestNamesSortInBackground(t *testing.T) {
	names, err := loadNames("fixtures")
	if err != nil {
		t.Fatal(err)
	}

	sorted := make(chan []string)
	go func() {
		out := append([]string(nil), names...)
		sort.Strings(out)
		sorted <- out
	}()

	if got := <-sorted; got[0] != "alice" {
		t.Errorf("first name is %q, want %q", got[0], "alice")
	}
}
