package workspace

import (
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"README.md":                         "",
		"CHANGELOG.md":                      "",
		"BREAKING_CHANGES.md":               "",
		"docs/guide.mdx":                    "",
		"docs/changelog/v2.md":              "",
		"website/blog/2018-05-27-1.13.0.md": "",
		"main.go":                           "",
		".gitignore":                        "build/\n*.log\n!keep.log\n",
		"build/out.go":                      "",
		"debug.log":                         "",
		"keep.log":                          "",
		"web/.gitignore":                    "gen/\n",
		"web/gen/x.ts":                      "",
		"web/src/x.ts":                      "",
		"node_modules/dep/README.md":        "",
		"vendor/x/y.go":                     "",
		"pkg/testdata/case.md":              "",
		".git/config":                       "",
		"env/pyvenv.cfg":                    "",
		"env/lib/site.py":                   "",
		".github/PULL_REQUEST_TEMPLATE.md":  "",
		".agents/skills/release/SKILL.md":   "",
		"AGENTS.md":                         "",
		".github/workflows/ci.yml":          "",
	})
	if err := os.Symlink("/etc", filepath.Join(root, "etc-link")); err != nil {
		t.Fatal(err)
	}
	w, err := Walk(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"README.md", "docs/guide.mdx"}; !reflect.DeepEqual(w.Docs, want) {
		t.Errorf("docs = %q, want %q", w.Docs, want)
	}
	if want := []string{".github/workflows/ci.yml", ".gitignore", "keep.log", "main.go", "web/.gitignore", "web/src/x.ts"}; !reflect.DeepEqual(w.Files, want) {
		t.Errorf("files = %q, want %q", w.Files, want)
	}
	if want := []string{"BREAKING_CHANGES.md", "CHANGELOG.md", "docs/changelog/v2.md", "website/blog/2018-05-27-1.13.0.md"}; !reflect.DeepEqual(w.Changelogs, want) {
		t.Errorf("changelogs = %q, want %q", w.Changelogs, want)
	}
	w, err = Walk(root, Options{IncludeChangelogs: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Docs) != 6 {
		t.Errorf("with changelogs, docs = %q", w.Docs)
	}
	// Docs for tools are checked when include globs select docs.
	w, err = Walk(root, Options{IncludeTooling: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{".agents/skills/release/SKILL.md", ".github/PULL_REQUEST_TEMPLATE.md", "AGENTS.md", "README.md", "docs/guide.mdx"}; !reflect.DeepEqual(w.Docs, want) {
		t.Errorf("with tooling docs, docs = %q", w.Docs)
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{".git/HEAD": "", "docs/a/b.md": ""})
	got, err := FindRoot(filepath.Join(root, "docs", "a", "b.md"))
	if err != nil {
		t.Fatal(err)
	}
	if got != root {
		t.Errorf("FindRoot = %s, want %s", got, root)
	}
	if rel, err := Rel(root, filepath.Join(root, "docs", "a", "b.md")); err != nil || rel != "docs/a/b.md" {
		t.Errorf("Rel = %q, %v", rel, err)
	}
	if _, err := Rel(filepath.Join(root, "docs"), root); err == nil {
		t.Error("Rel of a path outside the root should fail")
	}
}

func TestTrackedFilesAreNeverIgnored(t *testing.T) {
	// Homebrew's way: ignore everything, track what matters anyway
	root := t.TempDir()
	write(t, root, map[string]string{
		".gitignore":     "/*\n!/docs\n!/.gitignore\n",
		"bin/brew":       "#!/bin/bash\n",
		"bin/untracked":  "#!/bin/bash\n",
		"docs/README.md": "",
		"scratch.txt":    "",
	})
	idx := &index.Index{Version: 2}
	for _, name := range []string{".gitignore", "bin/brew", "docs/README.md"} {
		idx.Entries = append(idx.Entries, &index.Entry{Name: name, Mode: filemode.Regular})
	}
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(root, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	if err := index.NewEncoder(f).Encode(idx); err != nil {
		t.Fatal(err)
	}
	f.Close()
	w, err := Walk(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{".gitignore", "bin/brew"}; !reflect.DeepEqual(w.Files, want) {
		t.Errorf("files = %q, want %q (tracked ones, ignored or not; no untracked ignored one)", w.Files, want)
	}
	if want := []string{"docs/README.md"}; !reflect.DeepEqual(w.Docs, want) {
		t.Errorf("docs = %q, want %q", w.Docs, want)
	}
}
