// A composite key is encoded into a buffer sized for the largest encoding, and the
// encoded part is returned. The end of the cut is what the encoders wrote, so the result
// is the data the buffer was made for.
package main

import (
	"encoding/binary"
	"fmt"
)

func compositeKey(parent, child uint64) []byte {
	b := make([]byte, 2*binary.MaxVarintLen64+1)
	i := binary.PutUvarint(b, parent)
	j := binary.PutUvarint(b[i+1:], child)
	return b[0 : i+j+1]
}

func exercise() {
	fmt.Printf("%x\n", compositeKey(1, 300))
}
