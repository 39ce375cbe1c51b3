package changes

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// maxExportFile bounds a file Export writes: docverify reads none larger.
const maxExportFile = 8 << 20

// Export writes the files under root as they were at rev (a tag, branch
// or commit; not a merge base: a release manager compares with the last
// release itself) into dir, which must exist and be empty. Only regular
// files are written, 0644, at paths inside dir: symbolic links,
// submodules and files over 8 MiB are left out. Nothing of the
// repository is run. It returns the commit, for messages: "3f2c1ab (v1.4.0)".
func Export(root, rev, dir string) (string, error) {
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return "", fmt.Errorf("--since: %s is not in a git repository: %w", root, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return "", fmt.Errorf("--since: %w", err)
	}
	prefix, err := relPrefix(wt.Filesystem.Root(), root)
	if err != nil {
		return "", err
	}
	h, err := repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return "", fmt.Errorf("--since: unknown revision %q: %w", rev, err)
	}
	commit, err := repo.CommitObject(*h)
	if err != nil {
		return "", fmt.Errorf("--since: %q is not a commit: %w", rev, err)
	}
	label := fmt.Sprintf("%s (%s)", short(commit.Hash), rev)
	tree, err := commit.Tree()
	if err != nil {
		return "", fmt.Errorf("--since: reading %s: %w", label, err)
	}
	err = treeFiles(tree, prefix, func(rel string, h plumbing.Hash) error {
		if !filepath.IsLocal(filepath.FromSlash(rel)) || path.Clean(rel) != rel {
			return nil
		}
		if err := exportBlob(repo, h, filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			return fmt.Errorf("--since: writing %s of %s: %w", rel, label, err)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("--since: reading %s: %w", label, err)
	}
	return label, nil
}

func exportBlob(repo *git.Repository, h plumbing.Hash, dest string) error {
	b, err := repo.BlobObject(h)
	if err != nil {
		return err
	}
	if b.Size > maxExportFile {
		return nil
	}
	r, err := b.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	// O_EXCL: a path written twice, or anything already there, is an error
	// rather than a file opened through whatever the path now is
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, io.LimitReader(r, maxExportFile)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
