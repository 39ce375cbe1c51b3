package jsonschema

import (
	"encoding/json"
	"testing"

	"github.com/docverify/docverify/verify"
)

// A definition used by many properties, whose map values and anyOf
// alternatives are the same definitions again, is read once: the walk
// used to visit it once per path, exponentially in the depth, and a real
// repository's schemas took the run past 10 GB.
func TestSharedDefinitionsReadOnce(t *testing.T) {
	const doc = `{
	  "properties": {"root": {"$ref": "#/definitions/node"}},
	  "definitions": {
	    "node": {
	      "properties": {
	        "a": {"$ref": "#/definitions/node"},
	        "b": {"$ref": "#/definitions/node"},
	        "c": {"anyOf": [{"$ref": "#/definitions/node"}, {"$ref": "#/definitions/leaf"}]},
	        "name": {"type": "string"}
	      },
	      "additionalProperties": {"$ref": "#/definitions/node"}
	    },
	    "leaf": {
	      "properties": {"value": {"type": "string"}, "next": {"$ref": "#/definitions/node"}},
	      "anyOf": [{"$ref": "#/definitions/node"}, {"$ref": "#/definitions/leaf"}]
	    }
	  }
	}`
	var schema map[string]any
	if err := json.Unmarshal([]byte(doc), &schema); err != nil {
		t.Fatal(err)
	}
	fields := Fields("app", schema, schema, func(string) verify.Site { return verify.Site{} }, "JSON Schema test.json")
	if len(fields) > 50 {
		t.Fatalf("%d fields for a schema of 7 properties: shared definitions are read more than once", len(fields))
	}
	keys := map[string]bool{}
	for _, f := range fields {
		keys[f.Owner+"."+f.Key] = true
	}
	for _, want := range []string{"app.root", "app#/definitions/node.name", "app#/definitions/node.a"} {
		if !keys[want] {
			t.Errorf("missing %s; have %v", want, keys)
		}
	}
}
