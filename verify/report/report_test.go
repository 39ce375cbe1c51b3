package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

func sampleRun() *Run {
	claim := verify.Claim{Kind: verify.Env, Name: "FEED_X", Text: "FEED_X", Pos: verify.Pos{File: "docs/a.md", Line: 3, Col: 5}, Source: verify.InlineCode, Explicit: true}
	return &Run{
		Root: "/repo",
		Findings: []verify.Finding{{
			Rule: verify.RuleMissing, Severity: verify.Warning, Pos: claim.Pos, Kind: verify.Env, Name: "FEED_X",
			Message: "environment variable FEED_X is documented but does not exist in the code", Suggestion: "FEED_Y",
			Related: []verify.Evidence{{Pos: verify.Pos{File: "a.go", Line: 7, Col: 2}, Name: "FEED_Y", Via: "os.Getenv", Strength: verify.Read}},
		}},
		Results: []verify.Result{{Claim: claim, Status: verify.Missing, Reason: "appears nowhere in the code"}},
		Stats:   Stats{Docs: 1, Claims: 1, Checked: 1, SourceFiles: 2, Languages: map[string]int{"go": 2}},
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := (Text{}).Report(&b, sampleRun()); err != nil {
		t.Fatal(err)
	}
	want := "docs/a.md:3:5: warning: environment variable FEED_X is documented but does not exist in the code [DV1002]\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	if err := (Text{Color: true}).Report(&b, sampleRun()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("colour asked for but not given: %q", b.String())
	}
}

// Text from the scanned repository cannot break lines, drive a terminal,
// or start a CI workflow command.
func TestTextCannotBeInjected(t *testing.T) {
	r := sampleRun()
	r.Findings[0].Pos.File = "::error::x.md"
	r.Findings[0].Message = "name FEED\n::set-env name=X::1\x1b[31m"
	var b bytes.Buffer
	if err := (Text{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "\n") != 1 || strings.Contains(out, "\x1b") {
		t.Errorf("control characters got through: %q", out)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.HasPrefix(line, "::") {
			t.Errorf("a line starts with a workflow command: %q", line)
		}
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := (JSON{}).Report(&b, sampleRun()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["version"] != float64(1) || doc["root"] != "/repo" {
		t.Errorf("version/root = %v/%v", doc["version"], doc["root"])
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	for k, v := range map[string]any{"rule": "DV1002", "slug": "missing-name", "severity": "warning", "kind": "env", "name": "FEED_X",
		"file": "docs/a.md", "line": float64(3), "column": float64(5), "suggestion": "FEED_Y"} {
		if f[k] != v {
			t.Errorf("finding %s = %v, want %v", k, f[k], v)
		}
	}
	c := doc["claims"].([]any)[0].(map[string]any)
	for k, v := range map[string]any{"name": "FEED_X", "kind": "env", "status": "missing", "source": "inline-code", "explicit": true} {
		if c[k] != v {
			t.Errorf("claim %s = %v, want %v", k, c[k], v)
		}
	}
	if ev, ok := c["evidence"].([]any); !ok || len(ev) != 0 {
		t.Errorf("evidence of a missing claim = %v, want []", c["evidence"])
	}
	st := doc["stats"].(map[string]any)
	if st["source_files"] != float64(2) || st["findings"].(map[string]any)["warning"] != float64(1) || st["findings"].(map[string]any)["error"] != float64(0) {
		t.Errorf("stats = %v", st)
	}
}

func TestSummary(t *testing.T) {
	r := sampleRun()
	r.Stats.Unindexed = map[string]int{"Rust": 3}
	s := Summary(r)
	if !strings.HasPrefix(s, "1 claim checked in 1 doc: 0 errors, 1 warning, 0 info; 2 source files indexed (not indexed: Rust 3) in ") {
		t.Errorf("summary = %q", s)
	}
}

// TestGitLab: a Code Quality issue per finding, with GitLab's severity
// names, the doc position, and a fingerprint that tells apart two
// findings of one name in one doc.
func TestGitLab(t *testing.T) {
	r := sampleRun()
	second := r.Findings[0]
	second.Pos.Line = 9
	r.Findings = append(r.Findings, second)
	var b bytes.Buffer
	if err := (GitLab{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	var issues []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(issues) != 2 || issues[0].Severity != "major" || issues[0].CheckName != "DV1002 missing-name" ||
		issues[0].Location.Path != "docs/a.md" || issues[0].Location.Lines.Begin != 3 || issues[1].Location.Lines.Begin != 9 {
		t.Fatalf("issues = %+v", issues)
	}
	if issues[0].Fingerprint == issues[1].Fingerprint {
		t.Error("two findings of one name in one doc share a fingerprint: GitLab would show one")
	}
}

// A JUnit test is named without its line, so CI keeps its history when
// lines move; a second claim of one name in one doc is #2.
func TestJUnitNamesAreStable(t *testing.T) {
	r := sampleRun()
	second := r.Results[0]
	second.Claim.Pos.Line = 9
	r.Results = append(r.Results, second)
	var b bytes.Buffer
	if err := (JUnit{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `name="environment variable FEED_X"`) || !strings.Contains(out, `name="environment variable FEED_X #2"`) || strings.Contains(out, "(line") {
		t.Errorf("JUnit names:\n%s", out)
	}
}

// For a person reading (--verbose), a finding repeated in one doc is
// shown once with the places it repeats; the plain form keeps every one.
func TestVerboseGroupsRepeats(t *testing.T) {
	r := sampleRun()
	again := r.Findings[0]
	again.Pos.Line, again.Pos.Col = 9, 2
	r.Findings = append(r.Findings, again)
	var plain, verbose bytes.Buffer
	if err := (Text{}).Report(&plain, r); err != nil {
		t.Fatal(err)
	}
	if strings.Count(plain.String(), "[DV1002]") != 2 {
		t.Errorf("the plain form drops a repeat:\n%s", plain.String())
	}
	if err := (Text{Verbose: true}).Report(&verbose, r); err != nil {
		t.Fatal(err)
	}
	if strings.Count(verbose.String(), "[DV1002]") != 1 || !strings.Contains(verbose.String(), "    and 1 more in this doc, at 9:2\n") {
		t.Errorf("the verbose form does not group the repeat:\n%s", verbose.String())
	}
}
