// The test starts a compression goroutine and then skips itself when the codec
// is disabled. t.Skip ends the test before the receive, so the goroutine blocks.
package leakcase

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func codecEnabled(name string) bool {
	return name == "gzip-fast"
}

func compressedSize(data []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write(data)
	_ = w.Close()
	return buf.Len()
}

func TestCompressionShrinksInput(t *testing.T) {
	input := bytes.Repeat([]byte("abc"), 100)
	sizes := make(chan int)
	go func() {
		sizes <- compressedSize(input)
	}()

	if !codecEnabled("gzip-best") {
		t.Skip("codec gzip-best is disabled")
	}

	if size := <-sizes; size >= len(input) {
		t.Errorf("compressed size %d is not below input size %d", size, len(input))
	}
}
