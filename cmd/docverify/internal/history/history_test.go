package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// commit writes files (a nil body deletes) and commits them.
func commit(t *testing.T, repo *git.Repository, dir, msg string, when time.Time, files map[string]*string) {
	t.Helper()
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if body == nil {
			if _, err := wt.Remove(name); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(*body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := wt.Add(name); err != nil {
			t.Fatal(err)
		}
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: when}
	if _, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		t.Fatal(err)
	}
}

func s(v string) *string { return &v }

func TestSearch(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	commit(t, repo, dir, "Start", day(1), map[string]*string{
		"main.go":   s("package main\n\nvar pause = os.Getenv(\"FEED_PAUSE\")\nvar prio = os.Getenv(\"ENABLE_DYNAMIC_CONTENT_PRIORITIZATION\")\n"),
		"README.md": s("Set `FEED_PAUSE`.\n"),
	})
	commit(t, repo, dir, "Drop the prioritizer\n\nIt never worked.", day(2), map[string]*string{
		"main.go": s("package main\n\nvar pause = os.Getenv(\"FEED_PAUSE\")\n"),
	})
	commit(t, repo, dir, "Rename the pause switch", day(3), map[string]*string{
		"main.go": s("package main\n\nvar pause = os.Getenv(\"FEED_PAUSED\")\n"),
	})
	commit(t, repo, dir, "Docs only", day(4), map[string]*string{
		"README.md": s("Set `FEED_PAUSE` and `FEED_NEVER`.\n"),
	})

	got, err := Search(context.Background(), dir, []string{"ENABLE_DYNAMIC_CONTENT_PRIORITIZATION", "FEED_PAUSE", "FEED_NEVER"}, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"ENABLE_DYNAMIC_CONTENT_PRIORITIZATION": `removed in ` + "%" + ` (2024-05-02, "Drop the prioritizer")`,
		"FEED_PAUSE":                            `renamed to FEED_PAUSED in % (2024-05-03, "Rename the pause switch")`,
		"FEED_NEVER":                            `never in this repository's code (4 commits searched)`,
	} {
		v := got[name].String()
		prefix, suffix, _ := strings.Cut(want, "%")
		if !strings.HasPrefix(v, prefix) || !strings.HasSuffix(v, suffix) {
			t.Errorf("%s: %q, want %q", name, v, want)
		}
	}

	// A search that stops early says so instead of "never".
	got, err = Search(context.Background(), dir, []string{"FEED_NEVER"}, Limits{Commits: 2, Budget: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if v := got["FEED_NEVER"].String(); v != "not in the last 2 commits; older history not searched" {
		t.Errorf("bounded search: %q", v)
	}

	// Outside a repository there is no history, and no verdict.
	if _, err := Search(context.Background(), t.TempDir(), []string{"X"}, DefaultLimits); err != ErrNoHistory {
		t.Errorf("no repository: %v, want ErrNoHistory", err)
	}
}

func TestRenamedToMatchesTheWholeName(t *testing.T) {
	removed := []string{`XFOO_BAR := Getenv("FOO_BAR")`}
	added := []string{`XFOO_BAR := Getenv("BAZ_QUX")`}
	if got := renamedTo("FOO_BAR", removed, added); got != "BAZ_QUX" {
		t.Errorf("renamedTo = %q, want BAZ_QUX", got)
	}
	// a line that is only the name says nothing of what replaced it
	if got := renamedTo("FOO_BAR", []string{"FOO_BAR"}, []string{"end"}); got != "" {
		t.Errorf("renamedTo of a bare line = %q, want none", got)
	}
}

func TestContentsTellsUnreadableFromEmpty(t *testing.T) {
	if s, ok := contents(nil); !ok || s != "" {
		t.Error("a file absent on one side is empty and readable")
	}
}

// A shallow clone (CI's usual checkout) holds only the last commits: a
// name it does not find there is "not in the last N commits", never
// "never existed", and a removal older than the clone is not invented.
func TestShallowCloneSaysHistoryIsCut(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	commit(t, repo, dir, "Start", day(1), map[string]*string{"main.go": s("package main\n\nvar pause = os.Getenv(\"FEED_PAUSE\")\n")})
	commit(t, repo, dir, "Drop the pause switch", day(2), map[string]*string{"main.go": s("package main\n")})
	commit(t, repo, dir, "Docs", day(3), map[string]*string{"README.md": s("Set `FEED_PAUSE`.\n")})

	clone := t.TempDir()
	if _, err := git.PlainClone(clone, false, &git.CloneOptions{URL: dir, Depth: 1}); err != nil {
		t.Skipf("a shallow clone of a local repository: %v", err)
	}
	got, err := Search(context.Background(), clone, []string{"FEED_PAUSE"}, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if v := got["FEED_PAUSE"].String(); !strings.Contains(v, "older history not searched") {
		t.Errorf("in a shallow clone: %q, want a verdict that says the history was cut", v)
	}
}

// A name the working tree took out of a file, but no commit did, is in
// the last commit: the verdict says so instead of "never there". Only the
// files the run saw change (--diff) are read for it: without --diff the
// run does not know which files differ from the last commit.
func TestUncommittedRemovalIsNotNever(t *testing.T) {
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	commit(t, repo, dir, "Start", day, map[string]*string{"main.go": s("package main\n\nvar pause = os.Getenv(\"FEED_PAUSE\")\n")})
	commit(t, repo, dir, "Docs", day.Add(time.Hour), map[string]*string{"README.md": s("Set `FEED_PAUSE`.\n")})
	lim := DefaultLimits
	lim.Uncommitted = []string{"main.go"}
	got, err := Search(context.Background(), dir, []string{"FEED_PAUSE"}, lim)
	if err != nil {
		t.Fatal(err)
	}
	if v := got["FEED_PAUSE"].String(); v != "still in the code of the last commit: removed in the changes not yet committed" {
		t.Errorf("removed in the working tree: %q", v)
	}
}

// TestSearchCached: the verdicts for a HEAD are kept and given back
// without a walk, equal to the walk's; a new commit starts a new file and
// removes the old one; a corrupt file is no cache.
func TestSearchCached(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	commit(t, repo, dir, "Start", day(1), map[string]*string{"main.go": s("package main\n\nvar p = os.Getenv(\"FEED_PAUSE\")\n")})
	commit(t, repo, dir, "Drop the pause", day(2), map[string]*string{"main.go": s("package main\n")})
	names := []string{"FEED_PAUSE", "FEED_NEVER"}
	want, err := Search(context.Background(), dir, names, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	first, err := SearchCached(context.Background(), dir, names, DefaultLimits, cache)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, "history", "*.json"))
	if len(files) != 1 {
		t.Fatalf("cache files = %v, want one", files)
	}
	// a cached answer needs no walk: asked with a cancelled context, on
	// which a walk gives up at once, it is the same answer
	done, cancel := context.WithCancel(context.Background())
	cancel()
	second, err := SearchCached(done, dir, names, DefaultLimits, cache)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if first[n] != want[n] || second[n] != want[n] {
			t.Errorf("%s: walk %+v, first %+v, cached %+v", n, want[n], first[n], second[n])
		}
	}
	if want["FEED_PAUSE"].Removed == "" {
		t.Fatalf("the walk found no removal: %+v", want)
	}
	commit(t, repo, dir, "More", day(3), map[string]*string{"b.go": s("package main\n")})
	if _, err := SearchCached(context.Background(), dir, names, DefaultLimits, cache); err != nil {
		t.Fatal(err)
	}
	files2, _ := filepath.Glob(filepath.Join(cache, "history", "*.json"))
	if len(files2) != 1 || files2[0] == files[0] {
		t.Errorf("after a commit, cache files = %v, want one other than %v", files2, files)
	}
	if err := os.WriteFile(files2[0], []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := SearchCached(context.Background(), dir, names, DefaultLimits, cache)
	if err != nil || again["FEED_PAUSE"].Removed != want["FEED_PAUSE"].Removed {
		t.Errorf("with a corrupt cache: %+v, %v", again, err)
	}
}
