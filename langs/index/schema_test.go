package index

import (
	"fmt"
	"sort"
	"strings"
	"testing"
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
		".config.audit.ignore:@.config.audit.ignore.* map",
		".config.audit.ignore.*.apply:", ".config.audit.ignore.*.reason:",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("fields:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := schemaFacts("data.json", []byte(`{"properties": {"a": 1}}`)); ok {
		t.Error("a JSON file without a $schema is not a schema")
	}
}
