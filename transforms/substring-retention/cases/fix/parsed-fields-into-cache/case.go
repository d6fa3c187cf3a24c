// Several fields of each listing entry are substrings of a large response body: a helper
// cuts them out and its caller keeps the entries in a long-lived directory cache.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type objectInfo struct{ Name, Tag, Tier string }

func between(doc, open, end string, at int) (string, int) {
	i := strings.Index(doc[at:], open)
	if i < 0 {
		return "", -1
	}
	start := at + i + len(open)
	j := strings.Index(doc[start:], end)
	if j < 0 {
		return "", -1
	}
	return doc[start : start+j], start + j + len(end)
}

func parsePage(doc string) []objectInfo { // entries of one listing response
	var out []objectInfo
	for pos := 0; ; {
		var item string
		if item, pos = between(doc, "<Item>", "</Item>", pos); pos < 0 {
			return out
		}
		name, _ := between(item, "<Key>", "</Key>", 0)
		tag, _ := between(item, "<ETag>", "</ETag>", 0)
		tier, _ := between(item, "<Class>", "</Class>", 0)
		out = append(out, objectInfo{Name: name, Tag: tag, Tier: tier})
	}
}

type dirCache struct{ entries map[string]objectInfo }

func (c *dirCache) remember(doc string) {
	for _, o := range parsePage(doc) {
		c.entries[o.Name] = o
	}
}

// fetchPage reads one whole listing response, as an HTTP client reads a body.
func fetchPage(c *dirCache, response io.Reader) error {
	body, err := io.ReadAll(response)
	if err != nil {
		return err
	}
	c.remember(string(body))
	return nil
}

// cache holds the entries while the live heap is measured.
var cache *dirCache

func exercise() {
	cache = &dirCache{entries: map[string]objectInfo{}}
	owner := "<Owner>" + strings.Repeat("z", 1<<20) + "</Owner>" // bulky part of every page
	for i := 0; i < 30; i++ {
		page := fmt.Sprintf("<Item><Key>f%d</Key><ETag>e%d</ETag><Class>STD</Class>%s</Item>", i, i, owner)
		if err := fetchPage(cache, strings.NewReader(page)); err != nil {
			panic(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("liveheap:", ms.HeapAlloc)
	fmt.Printf("%d cached entries, f7 has tag %s\n", len(cache.entries), cache.entries["f7"].Tag)
}
