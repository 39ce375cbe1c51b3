package index

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/docverify/docverify/langs/jsonschema"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// isSchemaFile reports a JSON file named as a schema (composer-schema.json,
// config.schema.json): projects describe their own config files so.
func isSchemaFile(p string) bool {
	base := strings.ToLower(path.Base(p))
	return strings.HasSuffix(base, ".json") && strings.Contains(base, "schema")
}

// schemaFacts reads a JSON Schema file (see package jsonschema) as config
// structures.
func schemaFacts(p string, src []byte) (verify.FileFacts, bool) {
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		return verify.FileFacts{}, false
	}
	if s, _ := root["$schema"].(string); !strings.Contains(s, "json-schema.org") {
		return verify.FileFacts{}, false
	}
	siteOf := func(k string) verify.Site { return lang.TextSite(src, `"`+k+`"`) }
	fields := jsonschema.Fields("@schema:"+p, root, root, siteOf, "JSON Schema "+path.Base(p))
	return verify.FileFacts{Path: p, Fields: fields}, len(fields) > 0
}
