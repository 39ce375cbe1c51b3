// Package buildid identifies the running docverify binary, so that a
// cache written by another build is never used: any change to docverify
// (a query, a rule, a cue) changes the binary.
package buildid

import (
	"io"
	"os"
	"sync"

	"github.com/cespare/xxhash/v2"
)

var (
	once sync.Once
	sum  uint64
)

// Hash is the hash of the running binary's file, worked out once. If
// the binary cannot be read, it is 0 and the caller should not use a
// cache.
func Hash() uint64 {
	once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := xxhash.New()
		if _, err := io.Copy(h, f); err != nil {
			return
		}
		sum = h.Sum64()
	})
	return sum
}
