// Package workspace finds the files of a repository: the Markdown docs to
// check and every other file, which the index reads. It honours
// .gitignore files (nested ones too, and .git/info/exclude), skips
// dependency and tool trees, and never follows links, so nothing outside
// the repository is read.
package workspace

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/format/index"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
)

// Workspace is the files of one repository, as slash paths relative to Root.
type Workspace struct {
	Root  string
	Docs  []string // *.md, *.mdx, *.markdown
	Files []string // every other file
	// Changelogs are docs left out because they record history, which is
	// not a claim that anything exists now.
	Changelogs []string
	// Copies are translations and frozen versions of other docs (see
	// Copies), left out unless Options.IncludeCopies.
	Copies []string
	// UnusedConfigs are .docverify.yml files below the root: only the
	// root's is read, and a user who wrote one elsewhere should be told.
	UnusedConfigs []string

	tracked trackedSet // the paths of the git index, if there is one
}

// skipDirs are trees that hold other projects' code or tool state.
var skipDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".jj": true,
	"node_modules": true, "bower_components": true, "jspm_packages": true,
	"vendor": true, "third_party": true, "third-party": true, "external": false,
	".venv": true, "venv": true, "__pycache__": true, ".tox": true, ".nox": true,
	".mypy_cache": true, ".pytest_cache": true, ".ruff_cache": true, ".eggs": true,
	".next": true, ".nuxt": true, ".svelte-kit": true, ".turbo": true, ".parcel-cache": true,
	".terraform": true, ".gradle": true, ".idea": true, ".cache": true,
	"testdata": true,
}

// IsDoc reports whether a file is a Markdown document.
func IsDoc(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".mdx", ".markdown":
		return true
	}
	return false
}

// IsToolingDoc reports whether a doc instructs tools rather than readers:
// anything under a hidden directory (.github's templates and prompts,
// .agents/, .changeset/) and the instruction files of AI coding agents.
// Such docs use shell variables of their own workflows freely, and are
// checked only when a configuration's include globs select them.
func IsToolingDoc(p string) bool {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if strings.HasPrefix(seg, ".") && seg != "." && seg != ".." {
			return true
		}
	}
	switch strings.ToUpper(path.Base(p)) {
	case "AGENTS.MD", "CLAUDE.MD", "GEMINI.MD", "COPILOT-INSTRUCTIONS.MD":
		return true
	}
	return false
}

// datedRE finds a date at the start of a file name, as blog engines name
// posts: 2018-05-27-1.13.0.md.
var datedRE = regexp.MustCompile(`^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}`)

// releaseNamedRE is a doc named for a release or a year's news: the notes
// of that release (coredns-1.5.1, v2.3.0, 1.13) or a news file
// (2012-news, NEWS-2.x), frozen when the release shipped.
var releaseNamedRE = regexp.MustCompile(`(?i)^([a-z][a-z0-9]*[-_])?v?[0-9]+\.[0-9]+(\.[0-9]+)?$|(^|[-_.])news([-_.]|$)`)

// IsChangelog reports whether a doc records history rather than describing
// the present: CHANGELOG, CHANGES, HISTORY, NEWS, RELEASE_NOTES, BREAKING_CHANGES,
// RELEASES, a file under a changelog, release-notes, blog or news
// directory, or a dated post. What a release announcement said existed
// then says nothing about now. Design records are left out for the same
// reason looking forward: an ADR, RFC or proposal (a file under adr,
// rfcs, proposals, decisions, enhancements, keps or plans) describes what was
// proposed, built or not.
func IsChangelog(p string) bool {
	if datedRE.MatchString(path.Base(p)) || releaseNamedRE.MatchString(strings.TrimSuffix(path.Base(p), path.Ext(p))) {
		return true
	}
	if strings.EqualFold(path.Base(path.Dir(p)), "notes") && strings.IndexFunc(path.Base(p), unicode.IsDigit) >= 0 {
		return true // notes/coredns-005.md: a release's notes in a notes directory
	}
	base := strings.ToUpper(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	if isMigrationGuide(strings.TrimSuffix(path.Base(p), path.Ext(p))) || strings.HasSuffix(base, "-CHANGES") || strings.HasSuffix(base, "_CHANGES") || strings.HasSuffix(base, "-CHANGELOG") {
		return true // Pro-Changes.md, Ent-Changes.md beside Changes.md
	}
	for _, prefix := range []string{"CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASE_NOTES", "RELEASE-NOTES", "RELEASENOTES", "RELEASES", "BREAKING_CHANGES", "BREAKING-CHANGES"} {
		if rest, ok := strings.CutPrefix(base, prefix); ok && (rest == "" || !unicode.IsLetter(rune(rest[0]))) {
			return true // NEWS, NEWS-2.x, CHANGELOG_OLD; not NEWSLETTER
		}
	}
	for _, dir := range strings.Split(path.Dir(p), "/") {
		switch strings.ToLower(dir) {
		case "changelog", "changelogs", "change_logs", "change-logs", "release-notes", "release_notes", "releasenotes", "changes", "blog", "posts", "_posts", "news", "releases":
			return true
		case "adr", "adrs", "decisions", "decision-records", "rfc", "rfcs", "proposals", "design-proposals", "enhancements", "keps", "plans":
			return true
		}
		// proposals-accepted, proposals-done, rfcs_archive: a record of
		// designs by their state, as dated as the proposals themselves
		if first, _, cut := strings.Cut(strings.ReplaceAll(strings.ToLower(dir), "_", "-"), "-"); cut {
			switch first {
			case "proposals", "rfc", "rfcs", "adr", "adrs", "decisions", "enhancements", "keps":
				return true
			}
		}
		if isMigrationGuide(dir) {
			return true
		}
	}
	return false
}

// Options change what Walk keeps.
type Options struct {
	IncludeChangelogs bool
	// IncludeCopies checks translations and old versions of docs too.
	IncludeCopies bool
	// IncludeTooling checks docs for tools too (see IsToolingDoc).
	IncludeTooling bool
	// Docs and Source, when set, select the docs and the other files by
	// their slash path (a configuration's include and exclude globs).
	Docs, Source func(p string) bool
}

// Walk lists the files of the repository at root.
func Walk(root string, opts Options) (*Workspace, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", root)
	}
	w := &Workspace{Root: root, tracked: readTracked(filepath.Join(root, ".git", "index"))}
	patterns := readIgnoreFile(filepath.Join(root, ".git", "info", "exclude"), nil)
	if err := w.walk(root, "", patterns, nil, opts); err != nil {
		return nil, err
	}
	sort.Strings(w.Docs)
	sort.Strings(w.Files)
	sort.Strings(w.Changelogs)
	if !opts.IncludeCopies {
		w.Docs, w.Copies = Copies(w.Docs)
	}
	return w, nil
}

func (w *Workspace) walk(dir, rel string, patterns, own []gitignore.Pattern, opts Options) error {
	var domain []string
	if rel != "" {
		domain = strings.Split(rel, "/")
	}
	patterns = append(patterns[:len(patterns):len(patterns)], readIgnoreFile(filepath.Join(dir, ".gitignore"), domain)...)
	matcher := gitignore.NewMatcher(patterns)
	// .docverifyignore, in gitignore syntax, leaves out docs and source
	// for docverify alone, tracked by git or not
	own = append(own[:len(own):len(own)], readIgnoreFile(filepath.Join(dir, ".docverifyignore"), domain)...)
	ownMatcher := gitignore.NewMatcher(own)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if rel == "" {
			return err
		}
		return nil // an unreadable subdirectory is left out, not the end of the run
	}
	for _, e := range entries {
		name := e.Name()
		p := name
		if rel != "" {
			p = rel + "/" + name
		}
		if e.Type()&fs.ModeSymlink != 0 {
			continue
		}
		parts := append(append([]string(nil), domain...), name)
		if e.IsDir() {
			if skipDirs[name] || !w.tracked.dirs[p] && matcher.Match(parts, true) || ownMatcher.Match(parts, true) || isVirtualenv(filepath.Join(dir, name)) {
				continue
			}
			if err := w.walk(filepath.Join(dir, name), p, patterns, own, opts); err != nil {
				return err
			}
			continue
		}
		// git ignores no file it tracks: Homebrew's .gitignore ignores
		// everything and its index holds bin/brew. The index is asked
		// first: the ignore matcher scans every pattern for every path,
		// 60% of a one-doc check of a 12,000-file repository.
		if !e.Type().IsRegular() || !w.tracked.files[p] && matcher.Match(parts, false) || ownMatcher.Match(parts, false) {
			continue
		}
		if rel != "" && (name == ".docverify.yml" || name == ".docverify.yaml") {
			w.UnusedConfigs = append(w.UnusedConfigs, p)
		}
		switch {
		case IsDoc(p) && opts.Docs != nil && !opts.Docs(p):
		case IsDoc(p) && !opts.IncludeTooling && IsToolingDoc(p):
		case IsDoc(p) && !opts.IncludeChangelogs && IsChangelog(p):
			w.Changelogs = append(w.Changelogs, p)
		case IsDoc(p):
			w.Docs = append(w.Docs, p)
		case opts.Source != nil && !opts.Source(p):
		default:
			w.Files = append(w.Files, p)
		}
	}
	return nil
}

// trackedSet is what the git index lists: files, and the directories
// that hold them.
type trackedSet struct {
	files, dirs map[string]bool
}

// readTracked reads the paths of a git index, so that a tracked file is
// never taken for an ignored one. It decodes the file itself; running git
// could run a command the repository's config names (core.fsmonitor). A
// missing or unreadable index tracks nothing.
func readTracked(indexFile string) trackedSet {
	t := trackedSet{files: map[string]bool{}, dirs: map[string]bool{}}
	f, err := os.Open(indexFile)
	if err != nil {
		return t
	}
	defer f.Close()
	var idx index.Index
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(&idx); err != nil {
		return t
	}
	for _, e := range idx.Entries {
		t.files[e.Name] = true
		for d := path.Dir(e.Name); d != "." && !t.dirs[d]; d = path.Dir(d) {
			t.dirs[d] = true
		}
	}
	return t
}

// isVirtualenv recognises a Python virtual environment by its pyvenv.cfg,
// whatever the directory is called.
func isVirtualenv(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, "pyvenv.cfg"))
	return err == nil
}

// maxIgnoreFile bounds an ignore file.
const maxIgnoreFile = 4 << 20

// readIgnoreFile reads the patterns of an ignore file: a regular file
// (never a link or a FIFO a pull request commits as .gitignore), whose
// lines may be of any length, a leading byte-order mark dropped.
func readIgnoreFile(file string, domain []string) []gitignore.Pattern {
	src, err := safefile.Read(file, maxIgnoreFile)
	if err != nil {
		return nil
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	var out []gitignore.Pattern
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimRight(raw, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, gitignore.ParsePattern(line, domain))
	}
	return out
}

// FindRoot returns the repository that holds path p: the nearest directory
// above it with a .git entry, or else the current directory if p is
// inside it, or else p's directory. A .git at the root of the file system
// does not count: taking / for the repository would walk /proc and /dev.
func FindRoot(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(abs)
	for d := dir; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, nil
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return wd, nil
		}
	}
	return dir, nil
}

// Rel returns the slash path of p relative to root, or an error if p is
// outside it.
func Rel(root, p string) (string, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", errors.New("outside the repository")
	}
	return filepath.ToSlash(rel), nil
}

// camelJointRE finds the joint of two words of a camelCase name.
var camelJointRE = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// isMigrationGuide recognises a migration or upgrade guide by its file or
// directory name (migrating-to-0.45.0, MIGRATION.md, upgrading-v2,
// 5.0-Upgrade.md, Ent-2.0-Upgrade.md, UPGRADE.md): such a guide names the
// old settings on purpose. "upgrade" alone is also a command's name (a
// page about `tool upgrade`), so it counts only as the whole name or
// beside a version.
func isMigrationGuide(name string) bool {
	low := strings.ToLower(name) // without its extension
	for _, p := range []string{"migrating", "migration", "upgrading"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// UpgradeGuide.md is upgrade-guide: camelCase words count apart
	split := strings.ToLower(camelJointRE.ReplaceAllString(name, "$1 $2"))
	words := strings.FieldsFunc(split, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	if len(words) == 1 && words[0] == "upgrade" {
		return true
	}
	for i := 0; i+1 < len(words); i++ {
		// an upgrade guide, a migration guide: a guide, not a command's page
		if (words[i] == "upgrade" || words[i] == "migration") && (words[i+1] == "guide" || words[i+1] == "notes") {
			return true
		}
	}
	version := false
	for _, w := range words {
		version = version || versionRE.MatchString(w)
	}
	for _, w := range words {
		if (w == "upgrade" || w == "upgrading" || w == "migration") && version {
			return true
		}
	}
	return false
}
