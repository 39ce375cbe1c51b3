package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/tools/txtar"
)

// The release-checklist page of the fixture monorepo, in each format,
// against goldens in testdata/report reviewed like code (-update rewrites
// them): a Go API and a Python worker, a missing safety mechanism, a
// missing flag, verified names in both languages.
func TestReportGoldens(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "fixtures", "monorepo.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	// a directory named monorepo: the page names the repository by its directory
	root := filepath.Join(t.TempDir(), "monorepo")
	for _, f := range ar.Files {
		if f.Name == expectedSection {
			continue
		}
		writeFiles(t, root, map[string]string{f.Name: string(f.Data)})
	}
	for _, format := range []string{"markdown", "html", "json"} {
		t.Run(format, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(context.Background(), []string{"report", "--no-cache", "--format", format, root}, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			golden := filepath.Join("testdata", "report", "monorepo."+map[string]string{"markdown": "md", "html": "html", "json": "json"}[format])
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("report --format %s differs from %s (run with -update and review the diff):\n%s", format, golden, out.String())
			}
		})
	}
}

// The README's snippet of the report is the start of the fixture
// monorepo's golden page, as the report prints it.
func TestREADMEReportSnippet(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)On the fixture monorepo \\(`fixtures/monorepo.txtar`\\), the Markdown starts:\n\n```markdown\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("no report snippet in the README")
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "report", "monorepo.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(golden, m[1]) {
		t.Errorf("the README's report snippet is not how the report starts:\n%s", m[1])
	}
}

// The report on this repository itself, in each format: a page whose
// shape is right (its figures change with every commit, so no golden).
func TestReportOnThisRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes the whole repository")
	}
	for format, want := range map[string]string{"markdown": "# Documented mechanisms: inventory\n", "html": "<!doctype html>", "json": "{\n  \"version\": 1,"} {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), []string{"report", "--no-cache", "--no-history", "--format", format, filepath.Join("..", "..")}, nil, &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut.String())
		}
		if !bytes.HasPrefix(out.Bytes(), []byte(want)) {
			t.Errorf("report --format %s on this repository starts %q", format, out.String()[:min(out.Len(), 60)])
		}
	}
}
