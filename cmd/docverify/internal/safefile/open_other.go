//go:build !unix

package safefile

import "os"

// openNoFollow opens path; without O_NOFOLLOW the Lstat before it is the
// only check.
func openNoFollow(path string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(path, flag, perm)
}
