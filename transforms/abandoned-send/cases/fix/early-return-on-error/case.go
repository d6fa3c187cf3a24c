// The body is normalized in a goroutine while the header is parsed. When the
// header is invalid the function returns its error and the goroutine blocks.
package main

import (
	"fmt"
	"strings"
)

type record struct {
	kind string
	body string
}

func parseKind(raw string) (string, error) {
	kind, _, found := strings.Cut(raw, ":")
	if !found || kind == "" {
		return "", fmt.Errorf("parse record %q: missing kind", raw)
	}
	return kind, nil
}

func normalizeBody(raw string) string {
	_, body, _ := strings.Cut(raw, ":")
	return strings.Join(strings.Fields(body), " ")
}

func readRecord(raw string) (record, error) {
	bodies := make(chan string)
	go func() {
		bodies <- normalizeBody(raw)
	}()

	kind, err := parseKind(raw)
	if err != nil {
		return record{}, err
	}
	return record{kind: kind, body: <-bodies}, nil
}

func exercise() {
	for _, raw := range []string{"note:  hello   world", "no kind here", ":empty kind", "todo: ship it"} {
		fmt.Println(readRecord(raw))
	}
}

func steady() {
	for _, raw := range []string{"note:  hello   world", "todo: ship it"} {
		fmt.Println(readRecord(raw))
	}
}
