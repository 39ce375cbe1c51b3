package index

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

func TestSchemaFacts(t *testing.T) {
	src := `{
  "$schema": "https://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {
    "name": {"type": "string"},
    "require": {"type": "object", "additionalProperties": {"type": "string"}},
    "config": {
      "type": "object",
      "properties": {
        "process-timeout": {"type": "integer"},
        "audit": {"anyOf": [{"type": "object", "properties": {"ignore": {"$ref": "#/definitions/ignore"}}}]}
      }
    }
  },
  "definitions": {
    "ignore": {"type": "object", "additionalProperties": {"type": "object", "properties": {"apply": {"type": "string"}, "reason": {"type": "string"}}}}
  }
}`
	facts, ok := schemaFacts("res/app-schema.json", []byte(src))
	if !ok {
		t.Fatal("not read as a schema")
	}
	var got []string
	for _, f := range facts.Fields {
		s := fmt.Sprintf("%s.%s:%s", strings.TrimPrefix(f.Owner, "@schema:res/app-schema.json"), f.Key, f.Type)
		if f.Map {
			s += " map"
		}
		got = append(got, strings.ReplaceAll(s, "@schema:res/app-schema.json", "@"))
	}
	sort.Strings(got)
	want := []string{
		".config:@.config", ".name:", ".require:@.require.* map",
		".config.audit:@.config.audit", ".config.process-timeout:",
		// a definition is one type, read once, whatever refers to it
		".config.audit.ignore:@#/definitions/ignore.* map",
		"#/definitions/ignore.*.apply:", "#/definitions/ignore.*.reason:",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fields:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := schemaFacts("data.json", []byte(`{"properties": {"a": 1}}`)); ok {
		t.Error("a JSON file without a $schema is not a schema")
	}

	// the keys verify through the definition as they did through the path
	ix := verify.NewIndex([]verify.FileFacts{facts}, nil)
	for name, want := range map[string]verify.Status{
		"config.audit.ignore.CVE-1.apply": verify.Verified, "config.process-timeout": verify.Verified,
		"config.audit.ignore.CVE-1.aply": verify.Missing,
	} {
		r := verify.Check([]verify.Claim{{Kind: verify.Config, Name: name, Explicit: true}}, ix)[0]
		if r.Status != want {
			t.Errorf("%s: %s, want %s", name, r.Status, want)
		}
	}
}

// A recursive definition (a value that holds values) is read once, not
// once per depth: cargo's manifest schema made a million fields so.
func TestRecursiveSchemaIsReadOnce(t *testing.T) {
	src := `{
  "$schema": "https://json-schema.org/draft-07/schema#",
  "properties": {"a": {"$ref": "#/definitions/v"}, "b": {"$ref": "#/definitions/v"}},
  "definitions": {"v": {"type": "object", "properties": {
    "x": {"$ref": "#/definitions/v"}, "y": {"anyOf": [{"$ref": "#/definitions/v"}, {"type": "string"}]}, "z": {"type": "string"}}}}
}`
	facts, ok := schemaFacts("schema.json", []byte(src))
	if !ok {
		t.Fatal("not read as a schema")
	}
	if n := len(facts.Fields); n > 10 {
		t.Errorf("%d fields from a 2-property schema with one recursive definition", n)
	}
}
