// The test builds an index in a goroutine and then loads its settings. When
// loading fails, t.Fatal ends the test before the receive and the builder blocks.
package leakcase

import (
	"fmt"
	"testing"
)

type searchSettings struct {
	minHits int
}

func loadSettings(profile string) (searchSettings, error) {
	if profile != "default" {
		return searchSettings{}, fmt.Errorf("load settings: unknown profile %q", profile)
	}
	return searchSettings{minHits: 2}, nil
}

func buildIndex(words []string) map[string]int {
	index := make(map[string]int)
	for _, w := range words {
		index[w]++
	}
	return index
}

func TestIndexMeetsMinHits(t *testing.T) {
	indexes := make(chan map[string]int)
	go func() {
		indexes <- buildIndex([]string{"alpha", "beta", "alpha"})
	}()

	settings, err := loadSettings("experimental")
	if err != nil {
		t.Fatal(err)
	}

	index := <-indexes
	if index["alpha"] < settings.minHits {
		t.Errorf("alpha has %d hits, want at least %d", index["alpha"], settings.minHits)
	}
}
