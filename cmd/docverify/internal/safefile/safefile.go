// Package safefile opens the files docverify reads and writes by name
// (its config, ignore files, a baseline, docs given as arguments, the
// report) the way a tool that runs on untrusted pull requests must: a
// pull request can commit a symbolic link named .docverify.yml that
// points at /etc/shadow, a FIFO that hangs a read, or a report path that
// is a link out of the checkout. Only regular files are read, never
// through a symbolic link, and never more than a size cap; a report is
// never written through a link.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrLink, ErrNotRegular and ErrTooLarge say why a file was refused.
var (
	ErrLink       = errors.New("is a symbolic link, which docverify does not follow")
	ErrNotRegular = errors.New("is not a regular file")
	ErrTooLarge   = errors.New("is too large")
	// ErrLinkOnTheWay is a directory of the path that is a link.
	ErrLinkOnTheWay = errors.New("is a symbolic link on the way to the file, which docverify does not follow")
)

// Read returns the contents of the regular file at path, refusing a
// symbolic link, anything but a regular file, and a file over max bytes.
func Read(path string, max int64) ([]byte, error) {
	if err := parentsAreDirs(path); err != nil {
		return nil, err
	}
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%w (%d bytes, the limit is %d)", ErrTooLarge, info.Size(), max)
	}
	f, err := openNoFollow(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// the file may have been swapped between the Lstat and the open
	if info, err = f.Stat(); err != nil {
		return nil, err
	} else if err := regular(info); err != nil {
		return nil, err
	}
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > max {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max)
	}
	return src, nil
}

// Create opens path for writing a report, truncating a regular file
// there and refusing a symbolic link or anything else that is not a
// regular file. New files are created 0644.
func Create(path string) (*os.File, error) {
	if err := parentsAreDirs(path); err != nil {
		return nil, err
	}
	if info, err := os.Lstat(path); err == nil {
		if err := regular(info); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// truncate only once the opened file is known to be a regular one: a
	// FIFO or device swapped in after the Lstat is refused, not written
	f, err := openNoFollow(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = regular(info)
	}
	if err == nil {
		err = f.Truncate(0)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// parentsAreDirs refuses a relative path that goes through a symbolic
// link: a pull request can commit out -> /elsewhere and ask for
// out/report.sarif. An absolute path was given as it is, on the command
// line, and is taken at its word.
func parentsAreDirs(path string) error {
	if filepath.IsAbs(path) {
		return nil
	}
	cur := "."
	parts := strings.Split(filepath.ToSlash(filepath.Clean(path)), "/")
	for _, part := range parts[:len(parts)-1] {
		if part == "." || part == ".." {
			cur = filepath.Join(cur, part)
			continue
		}
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if err != nil {
			return nil // a missing directory fails the open itself
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s %w", cur, ErrLinkOnTheWay)
		}
	}
	return nil
}

func regular(info fs.FileInfo) error {
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return ErrLink
	case !info.Mode().IsRegular():
		return ErrNotRegular
	}
	return nil
}

// Replace writes data to path atomically: into a temporary file beside
// it, then renamed over it, so that a reader (another run sharing a
// cache) sees the old content or the new, never half of one. It is for
// docverify's own files (its caches), not for paths a pull request names.
func Replace(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
