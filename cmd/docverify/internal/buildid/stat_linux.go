//go:build linux

package buildid

import (
	"fmt"
	"io/fs"
	"syscall"
)

// identity is what a stat says of the binary: size, modification and
// change times, inode and device. A rebuilt or replaced binary differs in
// at least its change time, which no one can set back.
func identity(info fs.FileInfo) (string, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d %d %d %d %d", info.Size(), info.ModTime().UnixNano(), st.Ctim.Nano(), st.Ino, st.Dev), true
}
