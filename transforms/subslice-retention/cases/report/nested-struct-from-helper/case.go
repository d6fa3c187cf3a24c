// A helper returns a record whose nested struct holds a subslice of its argument. The
// piece sits two fields deep, which the in-place copy does not reach, so the finding has
// no automatic fix.
package main

import (
	"bytes"
	"fmt"
	"io"
)

type span struct {
	text []byte
}

type record struct {
	id   int
	name span
}

func parseRecord(data []byte) record {
	return record{id: len(data), name: span{text: data[:4]}}
}

type table struct {
	records []record
}

func (t *table) load(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	rec := parseRecord(data)
	t.records = append(t.records, rec)
	return nil
}

func exercise() {
	t := &table{}
	if err := t.load(bytes.NewReader([]byte("name and the rest"))); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", t.records[0].name.text)
}
