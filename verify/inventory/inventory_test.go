package inventory

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

func pos(file string, line int) verify.Pos { return verify.Pos{File: file, Line: line, Col: 1} }

func sample() Inventory {
	results := []verify.Result{
		{Claim: verify.Claim{Kind: verify.Env, Name: "APP_TOKEN", Pos: pos("docs/a.md", 3)}, Status: verify.Verified,
			Evidence: []verify.Evidence{{Pos: pos("main.go", 10), Name: "APP_TOKEN", Via: "os.Getenv"}}},
		{Claim: verify.Claim{Kind: verify.Env, Name: "APP_KILL_SWITCH", Pos: pos("docs/runbook.md", 5), Safety: "kill switch"}, Status: verify.Missing},
		// documented twice: counted once, at its worst
		{Claim: verify.Claim{Kind: verify.Flag, Name: "dry-run", Pos: pos("docs/a.md", 8)}, Status: verify.Verified,
			Evidence: []verify.Evidence{{Pos: pos("cli.go", 4), Name: "dry-run", Via: "flag.Bool"}}},
		{Claim: verify.Claim{Kind: verify.Flag, Name: "dry-run", Pos: pos("docs/b.md", 2)}, Status: verify.Unwired},
		// another program's: listed, not counted
		{Claim: verify.Claim{Kind: verify.Flag, Name: "rm", Pos: pos("docs/a.md", 9), Command: "docker"}, Status: verify.External},
		// a derived env var documents the config key it comes from
		{Claim: verify.Claim{Kind: verify.Env, Name: "APP_RETRY_MAX", Pos: pos("docs/a.md", 12)}, Status: verify.Verified,
			Evidence: []verify.Evidence{{Pos: pos("config.go", 7), Name: "retry.max", Via: "viper"}}},
	}
	implemented := []verify.Implemented{
		{Kind: verify.Env, Name: "APP_TOKEN", At: verify.Evidence{Pos: pos("main.go", 10), Via: "os.Getenv"}, Sites: 1, Own: true},
		{Kind: verify.Env, Name: "APP_SECRET_ROTATION_DAYS", At: verify.Evidence{Pos: pos("auth.go", 17), Via: "os.Getenv"}, Sites: 2, Own: true},
		{Kind: verify.Env, Name: "BAT_THEME", At: verify.Evidence{Pos: pos("preview.sh", 3), Via: "$BAT_THEME"}, Sites: 1},
		{Kind: verify.Env, Name: "HOME", At: verify.Evidence{Pos: pos("main.go", 20), Via: "os.Getenv"}, Sites: 1},
		{Kind: verify.Env, Name: "APP_TEST_ONLY", At: verify.Evidence{Pos: pos("test/helpers.go", 3), Via: "os.Getenv"}, Sites: 1, Own: true},
		{Kind: verify.Flag, Name: "dry-run", At: verify.Evidence{Pos: pos("cli.go", 4), Via: "flag.Bool"}, Sites: 1, Own: true},
		{Kind: verify.Config, Name: "retry.max", At: verify.Evidence{Pos: pos("config.go", 7), Via: "viper"}, Sites: 1, Own: true},
	}
	return Build("app", results, implemented)
}

func TestBuild(t *testing.T) {
	inv := sample()
	cov := map[verify.Kind]Coverage{}
	for _, c := range inv.Coverage {
		cov[c.Kind] = c
	}
	if c := cov[verify.Env]; c.Claimed != 3 || c.Verified != 2 || c.Missing != 1 || c.Read != 3 || c.ReadDocumented != 1 {
		t.Errorf("env coverage %+v: want 3 claimed (2 verified, 1 missing), 3 read of which 1 documented", c)
	}
	if c := cov[verify.Flag]; c.Claimed != 1 || c.Unwired != 1 || c.Verified != 0 {
		t.Errorf("flag coverage %+v: dry-run documented twice counts once, at its worst (unwired)", c)
	}
	if c := cov[verify.Config]; c.Read != 1 || c.ReadDocumented != 1 {
		t.Errorf("config coverage %+v: retry.max is documented through APP_RETRY_MAX", c)
	}
	if len(inv.Safety) != 1 || inv.Safety[0].Name != "APP_KILL_SWITCH" || inv.Safety[0].Status != verify.Missing {
		t.Errorf("safety: %+v", inv.Safety)
	}
	var undoc []string
	for _, u := range inv.Undocumented {
		undoc = append(undoc, u.Name)
	}
	// own knobs first; HOME is another program's; a test helper's read is no knob
	if got, want := strings.Join(undoc, " "), "APP_SECRET_ROTATION_DAYS BAT_THEME"; got != want {
		t.Errorf("undocumented %q, want %q", got, want)
	}
	if inv.Documented[0].Status != verify.Missing {
		t.Errorf("missing names come first in their kind: %+v", inv.Documented[0])
	}
}

func TestMarkdown(t *testing.T) {
	inv := sample()
	inv.Documented = append(inv.Documented, Entry{Kind: verify.Config, Name: "a|b`<script>", Status: verify.Missing, Doc: pos("docs/x.md", 1)},
		Entry{Kind: verify.Feature, Name: "vendor-flag", Status: verify.External, Doc: pos("docs/x.md", 2)})
	var b bytes.Buffer
	if err := Markdown(&b, inv); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"| environment variable | 3 | 2 (66%) | 1 | 0 | 0 | 3 | 1 (33%) |",
		"| `APP_KILL_SWITCH` | env | **missing** | kill switch | docs/runbook.md:5:1 |",
		"1 of the repository's knobs that the code reads are in no doc.",
		"| env | `APP_SECRET_ROTATION_DAYS` | auth.go:17:1 (os.Getenv) | 2 |",
		"1 other env vars the code reads, without the repository's prefix",
		"`` a\\|b`<script> ``",
		// a kind documented only as another program's still has its list
		"<details><summary>Feature flags: 1 documented</summary>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestHTMLEscapesAndIsSelfContained(t *testing.T) {
	inv := sample()
	inv.Documented = append(inv.Documented, Entry{Kind: verify.Config, Name: `"><script>alert(1)</script>`, Status: verify.Missing, Doc: pos("docs/x.md", 1)})
	var b bytes.Buffer
	if err := HTML(&b, inv); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script>alert(1)") {
		t.Error("a documented name became markup")
	}
	if strings.Contains(out, "http://") || strings.Contains(out, "https://") || strings.Contains(out, " src=") {
		t.Error("the page loads something from outside itself")
	}
	if !strings.Contains(out, `<tr data-status="undocumented"><td><code>APP_SECRET_ROTATION_DAYS</code>`) {
		t.Error("the undocumented knob is not in the table")
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version  int `json:"version"`
		Coverage []struct {
			Kind    string `json:"kind"`
			Claimed int    `json:"claimed"`
		} `json:"coverage"`
		Safety []struct {
			Name   string `json:"name"`
			Status string `json:"status"`
			Doc    struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"doc"`
		} `json:"safety"`
		Undocumented []struct {
			Name string `json:"name"`
			Own  bool   `json:"own"`
		} `json:"undocumented"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Coverage) != 3 || got.Coverage[0].Kind != "env" || got.Safety[0].Status != "missing" || got.Safety[0].Doc.Line != 5 || !got.Undocumented[0].Own {
		t.Errorf("unexpected JSON: %s", b.String())
	}
}

func TestCompare(t *testing.T) {
	res := func(name, file string, line int, st verify.Status) verify.Result {
		return verify.Result{Claim: verify.Claim{Kind: verify.Env, Name: name, Pos: pos(file, line)}, Status: st}
	}
	read := func(name, file string, line int) verify.Implemented {
		return verify.Implemented{Kind: verify.Env, Name: name, At: verify.Evidence{Pos: pos(file, line), Via: "os.Getenv"}, Sites: 1, Own: true}
	}
	beforeReads := []verify.Implemented{read("APP_PAUSE", "main.go", 7), read("APP_TOKEN", "main.go", 6), read("APP_UNDOCUMENTED", "main.go", 8)}
	afterReads := []verify.Implemented{read("APP_TOKEN", "main.go", 6), read("APP_RETRIES", "retry.go", 3)}
	before := Build("app", []verify.Result{
		res("APP_PAUSE", "docs/runbook.md", 3, verify.Verified),
		res("APP_TOKEN", "docs/runbook.md", 5, verify.Verified),
		res("APP_LEGACY", "docs/old.md", 2, verify.Missing),
	}, beforeReads)
	after := Build("app", []verify.Result{
		res("APP_PAUSE", "docs/runbook.md", 3, verify.Missing),
		res("APP_TOKEN", "docs/runbook.md", 9, verify.Verified), // moved within its doc: no change
		res("APP_RETRIES", "docs/runbook.md", 11, verify.Verified),
	}, afterReads)
	ch := Compare("abc1234 (v1.0)", before, beforeReads, after, afterReads)
	names := func(es []Entry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.Name)
		}
		return strings.Join(out, ",")
	}
	readNames := func(rs []Read) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Name)
		}
		return strings.Join(out, ",")
	}
	if got := names(ch.ClaimsAdded); got != "APP_RETRIES" {
		t.Errorf("claims added = %s", got)
	}
	if got := names(ch.ClaimsRemoved); got != "APP_LEGACY" {
		t.Errorf("claims removed = %s", got)
	}
	if len(ch.StatusChanged) != 1 || ch.StatusChanged[0].Name != "APP_PAUSE" || ch.StatusChanged[0].Was != verify.Verified {
		t.Errorf("status changed = %+v", ch.StatusChanged)
	}
	if got := readNames(ch.ReadsAdded); got != "APP_RETRIES" {
		t.Errorf("reads added = %s", got)
	}
	if got := readNames(ch.ReadsRemoved); got != "APP_PAUSE,APP_UNDOCUMENTED" {
		t.Errorf("reads removed = %s", got)
	}
	// only the removed read a doc still names is the dangerous case
	if len(ch.StillDocumented) != 1 || ch.StillDocumented[0].Name != "APP_PAUSE" || ch.StillDocumented[0].At != pos("main.go", 7) ||
		len(ch.StillDocumented[0].Docs) != 1 || ch.StillDocumented[0].Docs[0] != pos("docs/runbook.md", 3) {
		t.Errorf("still documented = %+v", ch.StillDocumented)
	}
	if got, want := ch.Summary(), "1 claim added, 1 removed, 1 changed status; 1 read site added, 2 removed."; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}
