// Package buildid identifies the running docverify binary, so that a
// cache written by another build is never used: any change to docverify
// (a query, a rule, a cue) changes the binary.
package buildid

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
)

var (
	once sync.Once
	sum  uint64
)

// Hash is the hash of the running binary's file, worked out once per
// process. With a cache directory, the hash is remembered there beside
// the binary's identity by stat (path, size, times, inode), so that a
// save hook's run does not read a 40 MB binary each time. If the binary
// cannot be read, it is 0 and the caller should not use a cache.
func Hash(cacheDir string) uint64 {
	once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		info, err := os.Stat(exe)
		if err != nil {
			return
		}
		id, known := identity(info)
		memo := ""
		if known && cacheDir != "" {
			memo = filepath.Join(cacheDir, "binary-id")
			id = exe + " " + id
			if b, err := os.ReadFile(memo); err == nil {
				if line, rest, ok := strings.Cut(string(b), "\n"); ok && line == id {
					if v, err := strconv.ParseUint(strings.TrimSpace(rest), 16, 64); err == nil && v != 0 {
						sum = v
						return
					}
				}
			}
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
		if memo != "" {
			writeMemo(memo, fmt.Sprintf("%s\n%016x\n", id, sum))
		}
	})
	return sum
}

// writeMemo replaces the memo atomically; failing to is only a slower
// next run.
func writeMemo(path, text string) {
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		_ = safefile.Replace(path, []byte(text))
	}
}
