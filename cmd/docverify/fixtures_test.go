package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/report"
)

var update = flag.Bool("update", false, "rewrite the expected output of fixtures and scripts")

// expectedSection is the part of a fixture archive that holds its golden
// output; it is not written into the fixture's repository.
const expectedSection = ".expected/output"

// Fixtures are small repositories in fixtures/*.txtar. Each doc line can
// carry expectations, in the manner of go/analysis's analysistest:
//
//	<!-- want DV1002 "regexp" -->      a finding of this rule whose message matches
//	<!-- want verified NAME -->        the claim NAME on this line has this status
//	# want DV1001 "regexp"             the same inside a code block (# or //)
//	// want DV1008 "regexp"            in a source file: a finding at its read site
//
// The test fails on a finding no want expects, and on a want no finding or
// claim meets. The archive's .expected/output section holds the exit code
// and the text output, reviewed like code; -update rewrites it.
func TestFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures found: %v", err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) { runFixture(t, p) })
	}
}

var (
	wantFindingRE = regexp.MustCompile(`want\s+(DV\d{4})\s+"((?:[^"\\]|\\.)*)"`)
	wantStatusRE  = regexp.MustCompile(`want\s+(verified|unwired|missing|dynamic|external|ignored)\s+(\S+?)(?:\s|-->|$)`)
)

type wantFinding struct {
	file string
	line int
	rule string
	re   *regexp.Regexp
	met  bool
}

type wantStatus struct {
	file, name, status string
	line               int
}

func runFixture(t *testing.T, archivePath string) {
	ar, err := txtar.ParseFile(archivePath)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var findingWants []*wantFinding
	var statusWants []wantStatus
	var golden []byte
	hasGolden := false
	for _, f := range ar.Files {
		if f.Name == expectedSection {
			golden, hasGolden = f.Data, true
			continue
		}
		full := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		doc := workspace.IsDoc(f.Name)
		for i, line := range strings.Split(string(f.Data), "\n") {
			if !doc && !strings.Contains(line, "want DV10") {
				continue // a source file's wants are the findings at its read sites (DV1008)
			}
			for _, m := range wantFindingRE.FindAllStringSubmatch(line, -1) {
				re, err := regexp.Compile(strings.ReplaceAll(m[2], `\"`, `"`))
				if err != nil {
					t.Fatalf("%s:%d: bad want regexp: %v", f.Name, i+1, err)
				}
				findingWants = append(findingWants, &wantFinding{file: f.Name, line: i + 1, rule: m[1], re: re})
			}
			for _, m := range wantStatusRE.FindAllStringSubmatch(line, -1) {
				if !doc {
					break
				}
				statusWants = append(statusWants, wantStatus{file: f.Name, line: i + 1, status: m[1], name: m[2]})
			}
		}
	}

	r, err := check(context.Background(), []string{root}, options{noCache: true, jobs: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}

	for _, f := range r.Findings {
		matched := false
		for _, w := range findingWants {
			if !w.met && w.file == f.Pos.File && w.line == f.Pos.Line && w.rule == f.Rule.ID && w.re.MatchString(f.Message) {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s: unexpected %s: %s", f.Pos, f.Rule.ID, f.Message)
		}
	}
	for _, w := range findingWants {
		if !w.met {
			t.Errorf("%s:%d: no %s finding matching %q", w.file, w.line, w.rule, w.re)
		}
	}
	for _, w := range statusWants {
		var seen []string
		ok := false
		for _, res := range r.Results {
			c := res.Claim
			if c.Pos.File == w.file && c.Pos.Line == w.line {
				seen = append(seen, fmt.Sprintf("%s=%s", c.Display(), res.Status))
				if (c.Name == w.name || c.Text == w.name || c.Display() == w.name) && res.Status.String() == w.status {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%s:%d: want %s %s; claims on this line: %v", w.file, w.line, w.status, w.name, seen)
		}
	}

	assertCacheChangesNothing(t, root, r)

	got := renderFixture(t, r)
	if *update {
		var files []txtar.File
		for _, f := range ar.Files {
			if f.Name != expectedSection {
				files = append(files, f)
			}
		}
		ar.Files = append(files, txtar.File{Name: expectedSection, Data: got})
		if err := os.WriteFile(archivePath, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !hasGolden {
		t.Fatalf("no %s section; run go test -run TestFixtures -update and review it", expectedSection)
	}
	if !bytes.Equal(got, golden) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n--- got\n%s--- want\n%s", expectedSection, got, golden)
	}
}

// renderFixture is the golden form of a run: its exit code under the
// default --fail-on, and the text output.
func renderFixture(t *testing.T, r *report.Run) []byte {
	var b bytes.Buffer
	code := exitOK
	for _, f := range r.Findings {
		if f.Severity >= verify.Error {
			code = exitFindings
		}
	}
	fmt.Fprintf(&b, "exit %d\n", code)
	if err := (report.Text{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// assertCacheChangesNothing runs the fixture again with a cache, cold and
// warm, and then each doc alone from the cache the whole run filled (a
// save hook's question set, different from the one that filled it): every
// run must report what the uncached run reports, evidence and all.
func assertCacheChangesNothing(t *testing.T, root string, uncached *report.Run) {
	t.Helper()
	dir := t.TempDir()
	want := findingsJSON(t, uncached.Findings)
	// Two cold runs at once (two editors, or a hook and a CI job) fill the
	// same cache; then a warm run reads what they left.
	passes := []string{"cold, concurrent", "cold, concurrent", "warm"}
	got := make([]string, len(passes))
	var wg sync.WaitGroup
	for i, pass := range passes {
		run := func() {
			r, err := check(context.Background(), []string{root}, options{cacheDir: dir, jobs: 2}, nil)
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = findingsJSON(t, r.Findings)
		}
		if pass == "warm" {
			wg.Wait()
			run()
			continue
		}
		wg.Add(1)
		go func() { defer wg.Done(); run() }()
	}
	for i, pass := range passes {
		if got[i] != want {
			t.Errorf("with a %s cache the findings differ from the uncached run:\n--- cached\n%s\n--- uncached\n%s", pass, got[i], want)
		}
	}
	byDoc := map[string][]verify.Finding{}
	for _, f := range uncached.Findings {
		if workspace.IsDoc(f.Pos.File) { // not a read site's finding (DV1008)
			byDoc[f.Pos.File] = append(byDoc[f.Pos.File], f)
		}
	}
	// A doc alone finds its repository by the .git above it.
	if err := os.WriteFile(filepath.Join(root, ".git"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(filepath.Join(root, ".git"))
	for doc := range byDoc {
		alone, err := check(context.Background(), []string{filepath.Join(root, filepath.FromSlash(doc))}, options{noCache: true, jobs: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cached, err := check(context.Background(), []string{filepath.Join(root, filepath.FromSlash(doc))}, options{cacheDir: dir, jobs: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := findingsJSON(t, cached.Findings), findingsJSON(t, alone.Findings); got != want {
			t.Errorf("%s alone, from the cache of a whole run, differs from %s alone uncached:\n--- cached\n%s\n--- uncached\n%s", doc, doc, got, want)
		}
	}
}

func findingsJSON(t *testing.T, fs []verify.Finding) string {
	t.Helper()
	b, err := json.MarshalIndent(fs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
