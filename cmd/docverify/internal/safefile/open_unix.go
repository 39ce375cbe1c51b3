//go:build unix

package safefile

import (
	"errors"
	"os"
	"syscall"
)

// openNoFollow opens path without following a final symbolic link, and
// without blocking on a FIFO swapped in after the check.
func openNoFollow(path string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(path, flag|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, perm)
	if errors.Is(err, syscall.ELOOP) {
		return nil, ErrLink
	}
	return f, err
}
