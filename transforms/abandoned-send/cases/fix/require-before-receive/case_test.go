// The test encodes a payload in a goroutine and then checks its fixture with
// require.NoError. A failed check stops the test before the receive, so the
// encoder goroutine blocks on its send forever.
package leakcase

import (
	"encoding/base64"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func openFixture(name string) (string, error) {
	fixtures := map[string]string{"greeting": "aGVsbG8="}
	encoded, ok := fixtures[name]
	if !ok {
		return "", fmt.Errorf("open fixture %q: not found", name)
	}
	return encoded, nil
}

func TestEncodingMatchesFixture(t *testing.T) {
	encodings := make(chan string)
	go func() {
		encodings <- base64.StdEncoding.EncodeToString([]byte("hello"))
	}()

	want, err := openFixture("farewell")
	require.NoError(t, err, "fixture must exist")

	require.Equal(t, want, <-encodings)
}
