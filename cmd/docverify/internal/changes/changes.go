// Package changes finds what changed in a repository since a revision,
// for pull-request mode: which doc lines were added or changed, and what
// the changed source files held before. It reads the repository with
// go-git and never runs git or anything else.
package changes

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/utils/diff"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Changes are the differences between a base commit and the files on
// disk, in slash paths relative to the checked root.
type Changes struct {
	// Base names the commit compared against, for messages: "3f2c1ab
	// (merge base of origin/main and HEAD)".
	Base string
	// Changed holds every file that differs from the base, with its
	// content at the base; nil for a file the base does not have.
	Changed map[string][]byte
	// Deleted lists the base's files that are gone, with their content.
	Deleted map[string][]byte
	// Lines holds, for each changed doc, the lines (1-based, in the file
	// on disk) that were added or changed. A doc new since the base is
	// all changed, and has no entry.
	Lines map[string]map[int]bool
}

// LineChanged reports whether line of doc was added or changed.
func (c *Changes) LineChanged(doc string, line int) bool {
	old, changed := c.Changed[doc]
	if !changed {
		return false
	}
	if old == nil {
		return true
	}
	return c.Lines[doc][line]
}

// Since compares the files of the repository that holds root with rev:
// the merge base of rev and HEAD, as a pull request shows its changes.
// files are the slash paths under root that the run reads; isDoc tells
// which of them need line changes; wanted tells which deleted files
// matter (deleted files are not on disk to be listed).
func Since(root, rev string, files []string, isDoc func(string) bool, wanted func(string) bool) (*Changes, error) {
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil, fmt.Errorf("--diff: %s is not in a git repository: %w", root, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("--diff: %w", err)
	}
	top := wt.Filesystem.Root()
	prefix, err := relPrefix(top, root)
	if err != nil {
		return nil, err
	}
	base, label, err := baseCommit(repo, rev)
	if err != nil {
		return nil, err
	}
	tree, err := base.Tree()
	if err != nil {
		return nil, fmt.Errorf("--diff: reading %s: %w", label, err)
	}
	// The base's blobs under root, by path relative to root.
	baseFiles := map[string]plumbing.Hash{}
	if err := treeFiles(tree, prefix, func(rel string, h plumbing.Hash) error {
		baseFiles[rel] = h
		return nil
	}); err != nil {
		return nil, fmt.Errorf("--diff: reading %s: %w", label, err)
	}
	idx := stagedIndex(repo, prefix)

	c := &Changes{Base: label, Changed: map[string][]byte{}, Deleted: map[string][]byte{}, Lines: map[string]map[int]bool{}}
	onDisk := map[string]bool{}
	for _, p := range files {
		onDisk[p] = true
		full := filepath.Join(root, filepath.FromSlash(p))
		cur, src, err := currentHash(full, idx[p])
		if err != nil {
			continue // unreadable files are reported by the run itself
		}
		old, inBase := baseFiles[p]
		if inBase && old == cur {
			continue
		}
		if !inBase {
			c.Changed[p] = nil
			continue
		}
		oldSrc, err := blob(repo, old)
		if err != nil {
			return nil, fmt.Errorf("--diff: reading %s at %s: %w", p, label, err)
		}
		c.Changed[p] = oldSrc
		if isDoc(p) {
			if src == nil {
				if src, err = os.ReadFile(full); err != nil {
					continue
				}
			}
			c.Lines[p] = addedLines(string(oldSrc), string(src))
		}
	}
	for p, h := range baseFiles {
		if onDisk[p] || !wanted(p) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p))); err == nil {
			continue // still there, but not read by this run (ignored, or a skipped tree)
		}
		if src, err := blob(repo, h); err == nil {
			c.Deleted[p] = src
		}
	}
	return c, nil
}

// baseCommit resolves rev and returns its merge base with HEAD.
func baseCommit(repo *git.Repository, rev string) (*object.Commit, string, error) {
	h, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return nil, "", fmt.Errorf("--diff: unknown revision %q: %w", rev, err)
	}
	target, err := repo.CommitObject(*h)
	if err != nil {
		return nil, "", fmt.Errorf("--diff: %q is not a commit: %w", rev, err)
	}
	label := fmt.Sprintf("%s (%s)", short(target.Hash), rev)
	head, err := repo.Head()
	if err != nil {
		return target, label, nil // no commits yet on this branch: compare with rev itself
	}
	hc, err := repo.CommitObject(head.Hash())
	if err != nil || hc.Hash == target.Hash {
		return target, label, nil
	}
	bases, err := target.MergeBase(hc)
	if err != nil || len(bases) == 0 {
		return target, label, nil // unrelated histories: compare with rev itself
	}
	if bases[0].Hash != target.Hash {
		label = fmt.Sprintf("%s (merge base of %s and HEAD)", short(bases[0].Hash), rev)
	}
	return bases[0], label, nil
}

func short(h plumbing.Hash) string { return h.String()[:7] }

// treeFiles calls fn for each regular file of tree under prefix, with its
// path relative to prefix and its blob. Links and submodules are left
// out; the walk reads tree entries only, not the blobs they name.
func treeFiles(tree *object.Tree, prefix string, fn func(rel string, h plumbing.Hash) error) error {
	walker := object.NewTreeWalker(tree, true, nil)
	defer walker.Close()
	for {
		name, entry, err := walker.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if entry.Mode != filemode.Regular && entry.Mode != filemode.Executable {
			continue
		}
		if rel, ok := strings.CutPrefix(name, prefix); ok {
			if err := fn(rel, entry.Hash); err != nil {
				return err
			}
		}
	}
}

// relPrefix is root's slash path inside the work tree top, with a
// trailing slash, or "" when root is the top.
func relPrefix(top, root string) (string, error) {
	absTop, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", fmt.Errorf("--diff: %w", err)
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("--diff: %w", err)
	}
	if absRoot, err = filepath.EvalSymlinks(absRoot); err != nil {
		return "", fmt.Errorf("--diff: %w", err)
	}
	rel, err := filepath.Rel(absTop, absRoot)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("--diff: %s is outside the work tree %s", root, top)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel) + "/", nil
}

// staged is what the git index knows of a file: its blob and the stat
// data it was hashed with, so that unchanged files need not be read.
type staged struct {
	hash  plumbing.Hash
	size  uint32
	mtime int64
}

func stagedIndex(repo *git.Repository, prefix string) map[string]staged {
	out := map[string]staged{}
	ix, err := repo.Storer.Index()
	if err != nil {
		return out // no index: every file is hashed
	}
	for _, e := range ix.Entries {
		if e.Stage != index.Merged {
			continue
		}
		if rel, ok := strings.CutPrefix(e.Name, prefix); ok {
			out[rel] = staged{hash: e.Hash, size: e.Size, mtime: e.ModifiedAt.UnixNano()}
		}
	}
	return out
}

// currentHash is the blob hash of a file on disk: the index's, when the
// file's size and modification time are the ones the index recorded;
// otherwise computed from its content, which is returned too.
func currentHash(full string, st staged) (plumbing.Hash, []byte, error) {
	info, err := os.Lstat(full)
	if err != nil {
		return plumbing.ZeroHash, nil, err
	}
	if !st.hash.IsZero() && int64(st.size) == info.Size() && st.mtime == info.ModTime().UnixNano() {
		return st.hash, nil, nil
	}
	src, err := os.ReadFile(full)
	if err != nil {
		return plumbing.ZeroHash, nil, err
	}
	return plumbing.ComputeHash(plumbing.BlobObject, src), src, nil
}

func blob(repo *git.Repository, h plumbing.Hash) ([]byte, error) {
	b, err := repo.BlobObject(h)
	if err != nil {
		return nil, err
	}
	r, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// addedLines lists the lines of cur that are not in old, by a line diff.
func addedLines(old, cur string) map[int]bool {
	out := map[int]bool{}
	line := 1
	for _, d := range diff.Do(old, cur) {
		n := strings.Count(d.Text, "\n")
		if !strings.HasSuffix(d.Text, "\n") && d.Text != "" {
			n++ // the last line of the file, without its newline
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			line += n
		case diffmatchpatch.DiffInsert:
			for i := 0; i < n; i++ {
				out[line+i] = true
			}
			line += n
		}
	}
	return out
}
