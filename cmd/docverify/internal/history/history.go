// Package history tells, for names the docs claim and the code does not
// have, what the repository's git history says of them: never there,
// removed in a commit, or renamed in one. This is what an on-call
// engineer needs in the first minute: "ENABLE_X was removed in 4f2a1c9
// (2024-05-02, Drop the prioritizer)". The history is read with go-git;
// nothing in the repository is executed. The walk is bounded by a commit
// count and a time budget, and says so when it stops early.
package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Verdict is what the history says of one name.
type Verdict struct {
	// Removed is the commit that took the name's last lines out of the
	// code, "" if none was found.
	Removed, Date, Subject string
	// RenamedTo is the name that replaced it on the same lines, if one did.
	RenamedTo string
	// Searched counts the commits read; Complete says the walk reached
	// the first commit, so a name never seen was never there.
	Searched int
	Complete bool
	// AtHead says the last commit's code still has the name: it was taken
	// out in the working tree, not in any commit.
	AtHead bool
}

// String is the verdict in words, for a finding's message.
func (v Verdict) String() string {
	switch {
	case v.AtHead:
		return "still in the code of the last commit: removed in the changes not yet committed"
	case v.Removed != "" && v.RenamedTo != "":
		return fmt.Sprintf("renamed to %s in %s (%s, %q)", v.RenamedTo, v.Removed, v.Date, v.Subject)
	case v.Removed != "":
		return fmt.Sprintf("removed in %s (%s, %q)", v.Removed, v.Date, v.Subject)
	case v.Complete:
		return fmt.Sprintf("never in this repository's code (%s searched)", commits(v.Searched))
	}
	return fmt.Sprintf("not in the last %s; older history not searched", commits(v.Searched))
}

func commits(n int) string {
	if n == 1 {
		return "1 commit"
	}
	return fmt.Sprintf("%d commits", n)
}

// Limits bound a search.
type Limits struct {
	Commits int           // at most this many commits, newest first
	Budget  time.Duration // and no longer than this
	// Uncommitted are the files (slash paths under the root) that differ
	// from the last commit: a name no commit removed is looked for in
	// their committed versions, so that one taken out but not committed
	// is not said never to have existed.
	Uncommitted []string
}

// DefaultLimits keep a search cheap enough for every run.
var DefaultLimits = Limits{Commits: 2000, Budget: 2 * time.Second}

// ErrNoHistory means the root is not in a git repository with commits.
var ErrNoHistory = errors.New("no git history")

// Search walks the history of the repository holding root for the
// given names (as the code would spell them: APP_TOKEN, dry-run). Every
// name gets a verdict.
func Search(ctx context.Context, root string, names []string, lim Limits) (map[string]Verdict, error) {
	repo, head, err := open(root)
	if err != nil {
		return nil, err
	}
	return search(ctx, repo, head, names, lim)
}

// open finds the repository holding root and its HEAD.
func open(root string) (*git.Repository, *plumbing.Reference, error) {
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil, nil, ErrNoHistory
	}
	head, err := repo.Head()
	if err != nil {
		return nil, nil, ErrNoHistory
	}
	return repo, head, nil
}

func search(ctx context.Context, repo *git.Repository, head *plumbing.Reference, names []string, lim Limits) (map[string]Verdict, error) {
	// newest first by commit time, side branches too: the default order
	// follows first parents and would miss a name removed on a merged branch
	iter, err := repo.Log(&git.LogOptions{From: head.Hash(), Order: git.LogOrderCommitterTime})
	if err != nil {
		return nil, ErrNoHistory
	}
	defer iter.Close()
	open := map[string]bool{}
	for _, n := range names {
		open[n] = true
	}
	out := map[string]Verdict{}
	deadline := time.Now().Add(lim.Budget)
	searched, complete := 0, true
	stop := errors.New("stop")
	err = iter.ForEach(func(c *object.Commit) error {
		if len(open) == 0 || searched >= lim.Commits || time.Now().After(deadline) || ctx.Err() != nil {
			complete = false
			return stop
		}
		searched++
		if c.NumParents() == 0 {
			return nil // a root: nothing before it to compare with
		}
		parent, err := c.Parent(0)
		if err != nil {
			complete = false // a shallow clone: history ends here, unread
			return stop
		}
		removed, added, err := codeChanges(parent, c, deadline)
		if err != nil {
			return nil
		}
		for n := range open {
			lines := linesWith(removed, n)
			if len(lines) == 0 || len(linesWith(added, n)) > 0 {
				continue
			}
			v := Verdict{Removed: c.Hash.String()[:7], Date: c.Author.When.UTC().Format("2006-01-02"), Subject: firstLine(c.Message)}
			v.RenamedTo = renamedTo(n, lines, added)
			out[n] = v
			delete(open, n)
		}
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		// an object the clone does not have (shallow, partial): what was
		// read stands, the rest is unknown
		complete = false
	}
	atHead := inTree(head.Hash(), repo, open, lim.Uncommitted, deadline)
	for n := range open {
		out[n] = Verdict{Complete: complete, AtHead: atHead[n]}
	}
	for n, v := range out {
		v.Searched = searched
		out[n] = v
	}
	return out, nil
}

// inTree reports which of the names a commit's versions of the given
// files have, by a word search, within the deadline: a name no commit
// removed but HEAD's version of a file changed since has was removed in
// the working tree.
func inTree(h plumbing.Hash, repo *git.Repository, names map[string]bool, files []string, deadline time.Time) map[string]bool {
	found := map[string]bool{}
	if len(names) == 0 || len(files) == 0 {
		return found
	}
	wanted := func(name string) bool {
		for _, f := range files {
			if name == f || strings.HasSuffix(name, "/"+f) {
				return true
			}
		}
		return false
	}
	c, err := repo.CommitObject(h)
	if err != nil {
		return found
	}
	tree, err := c.Tree()
	if err != nil {
		return found
	}
	_ = tree.Files().ForEach(func(f *object.File) error {
		if time.Now().After(deadline) || len(found) == len(names) {
			return storer.ErrStop
		}
		if isDoc(f.Name) || !wanted(f.Name) {
			return nil
		}
		text, ok := contents(f)
		if !ok {
			return nil
		}
		for n := range names {
			if !found[n] && hasWord(text, n) {
				found[n] = true
			}
		}
		return nil
	})
	return found
}

// codeChanges are the lines a commit removed from and added to the files
// that are not docs.
func codeChanges(parent, c *object.Commit, deadline time.Time) (removed, added []string, err error) {
	pt, err := parent.Tree()
	if err != nil {
		return nil, nil, err
	}
	ct, err := c.Tree()
	if err != nil {
		return nil, nil, err
	}
	changes, err := object.DiffTree(pt, ct)
	if err != nil {
		return nil, nil, err
	}
	for _, ch := range changes {
		if time.Now().After(deadline) {
			return nil, nil, errors.New("out of time")
		}
		name := ch.To.Name
		if name == "" {
			name = ch.From.Name
		}
		if isDoc(name) {
			continue
		}
		from, to, err := ch.Files()
		if err != nil {
			continue
		}
		old, okOld := contents(from)
		cur, okCur := contents(to)
		if !okOld || !okCur || len(old)+len(cur) > maxFileBytes {
			continue // binary, unreadable or large: no read site worth a verdict
		}
		r, a := lineDiff(old, cur)
		removed, added = append(removed, r...), append(added, a...)
	}
	return removed, added, nil
}

// maxFileBytes skips large files in a commit's diff.
const maxFileBytes = 1 << 20

// contents is a file's text; false when it is binary, too large or
// unreadable, which is not the same as empty. A file that does not exist
// on one side of the change is empty.
func contents(f *object.File) (string, bool) {
	if f == nil {
		return "", true
	}
	if f.Size > maxFileBytes {
		return "", false
	}
	r, err := f.Reader()
	if err != nil {
		return "", false
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxFileBytes))
	if err != nil || bytes.IndexByte(b[:min(len(b), 8000)], 0) >= 0 {
		return "", false
	}
	return string(b), true
}

// lineDiff is the lines only in old and only in cur, as multisets.
func lineDiff(old, cur string) (removed, added []string) {
	a, b := strings.Split(old, "\n"), strings.Split(cur, "\n")
	return onlyIn(a, b), onlyIn(b, a)
}

// onlyIn is the lines of a that b does not have, counted with repeats.
func onlyIn(a, b []string) []string {
	count := map[string]int{}
	for _, l := range b {
		count[l]++
	}
	var out []string
	for _, l := range a {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

// linesWith are the lines holding name as a whole word.
func linesWith(lines []string, name string) []string {
	var out []string
	for _, l := range lines {
		if hasWord(l, name) {
			out = append(out, l)
		}
	}
	return out
}

func hasWord(s, w string) bool { return wordIndex(s, w) >= 0 }

// wordIndex is where w first stands as a whole word in s, -1 if nowhere.
// Unlike known's word match, _ and - are part of a word here: FOO_BAR in
// XFOO_BAR or FOO_BAR_X is another name, not a line that holds FOO_BAR.
func wordIndex(s, w string) int {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return -1
		}
		start, end := i+k, i+k+len(w)
		if (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end])) {
			return start
		}
		i = end
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// nameRE is what can take a name's place on a renamed line.
var nameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// renamedTo finds the name that took the old one's place: an added line
// equal to a removed one but for the name.
func renamedTo(name string, removed, added []string) string {
	for _, r := range removed {
		i := wordIndex(r, name)
		if i < 0 {
			continue
		}
		prefix, suffix := r[:i], r[i+len(name):]
		if strings.TrimSpace(prefix+suffix) == "" {
			continue // a line that is only the name says nothing of its successor
		}
		for _, a := range added {
			if len(a) <= len(prefix)+len(suffix) || !strings.HasPrefix(a, prefix) || !strings.HasSuffix(a, suffix) {
				continue
			}
			if mid := a[len(prefix) : len(a)-len(suffix)]; mid != name && nameRE.MatchString(mid) {
				return mid
			}
		}
	}
	return ""
}

// isDoc reports the files whose lines are not code: docs and changelogs.
func isDoc(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".mdx", ".markdown", ".rst", ".adoc":
		return true
	}
	return false
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 72 {
		s = string(r[:69]) + "..."
	}
	return s
}
