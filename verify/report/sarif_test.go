package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/docverify/docverify/verify"
)

// Code-scanning dashboards reject a log that does not match the SARIF
// 2.1.0 schema, so the output is checked against the official one.
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaFile, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	suppressed := sampleRun()
	suppressed.Suppressed = []verify.Suppressed{{Finding: suppressed.Findings[0], By: &verify.Directive{Reason: "lands in 2.1"}}}
	runs := map[string]*Run{"findings": sampleRun(), "clean": {Root: "/repo"}, "no root": {Findings: sampleRun().Findings}, "suppressed": suppressed}
	for name, r := range runs {
		var b bytes.Buffer
		if err := (SARIF{Version: "1.2.3"}).Report(&b, r); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: SARIF output does not match the schema: %v", name, err)
		}
	}
}

func sarifOf(t *testing.T, r *Run) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := (SARIF{Version: "1.2.3"}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// What a dashboard shows: every rule with its help, each finding at the
// doc position with the evidence as a related location.
func TestSARIFContent(t *testing.T) {
	run := sarifOf(t, sampleRun())["runs"].([]any)[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	rules := driver["rules"].([]any)
	if len(rules) != len(verify.Rules) {
		t.Fatalf("%d rules, want one per rule (%d)", len(rules), len(verify.Rules))
	}
	for _, r := range rules {
		rule := r.(map[string]any)
		for _, k := range []string{"shortDescription", "fullDescription", "help"} {
			if rule[k].(map[string]any)["text"] == "" {
				t.Errorf("rule %v has no %s", rule["id"], k)
			}
		}
	}
	res := run["results"].([]any)[0].(map[string]any)
	if res["ruleId"] != "DV1002" || res["level"] != "warning" {
		t.Errorf("result = %v", res)
	}
	if got := rules[int(res["ruleIndex"].(float64))].(map[string]any)["id"]; got != "DV1002" {
		t.Errorf("ruleIndex points at %v", got)
	}
	loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	if loc["artifactLocation"].(map[string]any)["uri"] != "docs/a.md" || loc["region"].(map[string]any)["startLine"] != float64(3) || loc["region"].(map[string]any)["startColumn"] != float64(5) {
		t.Errorf("location = %v", loc)
	}
	rel := res["relatedLocations"].([]any)[0].(map[string]any)
	relLoc := rel["physicalLocation"].(map[string]any)
	if relLoc["artifactLocation"].(map[string]any)["uri"] != "a.go" || rel["message"].(map[string]any)["text"] != "FEED_Y: os.Getenv" {
		t.Errorf("related location = %v", rel)
	}
	if base := run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"]; base != "file:///repo/" {
		t.Errorf("%%SRCROOT%% = %v", base)
	}
}

// A finding keeps its fingerprint when lines above it are added, so a
// dashboard does not close and reopen it on every edit.
func TestSARIFFingerprintIgnoresLines(t *testing.T) {
	fp := func(r *Run) any {
		res := sarifOf(t, r)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
		return res["partialFingerprints"].(map[string]any)["docverify/v1"]
	}
	before := sampleRun()
	after := sampleRun()
	after.Findings[0].Pos.Line += 10
	after.Findings[0].Pos.Col = 1
	if fp(before) != fp(after) {
		t.Errorf("fingerprint changed with the line: %v vs %v", fp(before), fp(after))
	}
	renamed := sampleRun()
	renamed.Findings[0].Name = "FEED_Z"
	if fp(before) == fp(renamed) {
		t.Error("two different names share a fingerprint")
	}
	// the same name twice in one doc: two results code scanning keeps apart
	twice := sampleRun()
	second := twice.Findings[0]
	second.Pos.Line += 20
	twice.Findings = append(twice.Findings[:1], second)
	results := sarifOf(t, twice)["runs"].([]any)[0].(map[string]any)["results"].([]any)
	a := results[0].(map[string]any)["partialFingerprints"].(map[string]any)["docverify/v1"]
	b := results[1].(map[string]any)["partialFingerprints"].(map[string]any)["docverify/v1"]
	if a == b || a != fp(before) {
		t.Errorf("fingerprints of one name twice in a doc: %v and %v (the first must stay %v)", a, b, fp(before))
	}
}

// File paths become URI references: spaces and other reserved characters
// are percent-encoded, slashes are kept.
func TestSARIFURIs(t *testing.T) {
	for in, want := range map[string]string{
		"docs/a.md":      "docs/a.md",
		"docs/my doc.md": "docs/my%20doc.md",
		"docs/100%.md":   "docs/100%25.md",
		"docs/é.md":      "docs/%C3%A9.md",
		"docs/a#b?.md":   "docs/a%23b%3F.md",
	} {
		if got := uriPath(in); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// A suppressed finding is a result with its suppression and reason, not
// left out; its fingerprint differs from the same finding unsuppressed.
func TestSARIFSuppressions(t *testing.T) {
	r := sampleRun()
	r.Suppressed = []verify.Suppressed{{Finding: r.Findings[0], By: &verify.Directive{Reason: "lands in 2.1"}}}
	results := sarifOf(t, r)["runs"].([]any)[0].(map[string]any)["results"].([]any)
	if len(results) != len(r.Findings)+1 {
		t.Fatalf("%d results, want the findings and the suppressed one", len(results))
	}
	last := results[len(results)-1].(map[string]any)
	sup, ok := last["suppressions"].([]any)
	if !ok || len(sup) != 1 || sup[0].(map[string]any)["kind"] != "inSource" || sup[0].(map[string]any)["justification"] != "lands in 2.1" {
		t.Errorf("suppressions = %v", last["suppressions"])
	}
	first := results[0].(map[string]any)
	if first["suppressions"] != nil {
		t.Errorf("an unsuppressed result has suppressions: %v", first["suppressions"])
	}
	if fmt.Sprint(first["partialFingerprints"]) == fmt.Sprint(last["partialFingerprints"]) {
		t.Error("the suppressed copy shares its fingerprint with the finding")
	}
}

// The did-you-mean is a fix: the doc's name, at its columns, replaced by
// the code's.
func TestSARIFFix(t *testing.T) {
	res := sarifOf(t, sampleRun())["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	fixes, ok := res["fixes"].([]any)
	if !ok || len(fixes) != 1 {
		t.Fatalf("fixes = %v", res["fixes"])
	}
	rep := fixes[0].(map[string]any)["artifactChanges"].([]any)[0].(map[string]any)["replacements"].([]any)[0].(map[string]any)
	region := rep["deletedRegion"].(map[string]any)
	if region["startLine"] != 3.0 || region["startColumn"] != 5.0 || region["endColumn"] != 11.0 || rep["insertedContent"].(map[string]any)["text"] != "FEED_Y" {
		t.Errorf("replacement = %v", rep)
	}
}

// The code positions a message cites link to the related locations, and
// the message's own brackets are escaped, as SARIF's message syntax asks.
func TestSARIFMessageLinks(t *testing.T) {
	r := sampleRun()
	r.Findings[0].Message = "environment variable FEED_X is documented but does not exist in the code; did you mean FEED_Y, read at a.go:7:2? (see [docs])"
	res := sarifOf(t, r)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	want := `environment variable FEED_X is documented but does not exist in the code; did you mean FEED_Y, read at [a.go:7:2](1)? (see \[docs\])`
	if got := res["message"].(map[string]any)["text"]; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

// Two claims of one name in one doc are two results with their own
// fingerprints: code scanning would merge results that share one.
func TestSARIFRepeatsHaveTheirOwnFingerprints(t *testing.T) {
	r := sampleRun()
	again := r.Findings[0]
	again.Pos.Line = 9
	r.Findings = append(r.Findings, again)
	results := sarifOf(t, r)["runs"].([]any)[0].(map[string]any)["results"].([]any)
	a := fmt.Sprint(results[0].(map[string]any)["partialFingerprints"])
	b := fmt.Sprint(results[1].(map[string]any)["partialFingerprints"])
	if len(results) != 2 || a == b {
		t.Errorf("%d results, fingerprints %s and %s", len(results), a, b)
	}
}
