package index

import (
	"bytes"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"go.yaml.in/yaml/v3"

	"github.com/docverify/docverify/verify"
)

// Feature flags kept in the repository, in the files flag services and
// their SDKs load: a team that keeps its flags in git has each one defined
// there, so a documented flag can be checked against the definitions as
// well as against the SDK calls that read it.

// isFlagFile reports a file that may hold flag definitions: JSON or YAML
// named for flags, features or toggles (flagd.json, flags.yaml,
// features.yml, flag-config.yaml), and Terraform, whose flag resources the
// content decides.
func isFlagFile(p string) bool {
	base := strings.ToLower(path.Base(p))
	switch path.Ext(base) {
	case ".tf":
		return true
	case ".json", ".yaml", ".yml":
		return strings.Contains(base, "flag") || strings.Contains(base, "feature") || strings.Contains(base, "toggle")
	}
	return false
}

// flagFileFacts reads the flag keys a flag file defines.
func flagFileFacts(p string, src []byte) (verify.FileFacts, bool) {
	facts := verify.FileFacts{Path: p}
	if strings.HasSuffix(strings.ToLower(p), ".tf") {
		facts.Reads = terraformFlags(p, src)
	} else {
		facts.Reads = dataFlags(src)
	}
	return facts, len(facts.Reads) > 0
}

// terraformFlagResources are the flag services' Terraform resources and
// the attribute that holds the key code evaluates.
var terraformFlagResources = map[string]string{
	"launchdarkly_feature_flag": "key",
	"unleash_feature":           "name",
	"unleash_feature_v2":        "name",
	"flagsmith_feature":         "feature_name",
	"configcat_setting":         "key",
	"split_split":               "name",
	"growthbook_feature":        "id",
}

func terraformFlags(p string, src []byte) []verify.ReadSite {
	// most Terraform defines no flag: skip the parse unless a flag
	// resource's type is in the text
	found := false
	for t := range terraformFlagResources {
		if bytes.Contains(src, []byte(`"`+t+`"`)) {
			found = true
			break
		}
	}
	if !found {
		return nil
	}
	f, diags := hclsyntax.ParseConfig(src, p, hcl.InitialPos)
	if diags.HasErrors() && f == nil {
		return nil
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var out []verify.ReadSite
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) == 0 {
			continue
		}
		attr, ok := terraformFlagResources[b.Labels[0]]
		if !ok {
			continue
		}
		a := b.Body.Attributes[attr]
		if a == nil {
			continue
		}
		v, diags := a.Expr.Value(nil) // a literal; a reference has no value here
		if diags.HasErrors() || !v.Type().Equals(cty.String) || v.IsNull() {
			continue
		}
		r := a.Expr.Range() // the column is past the opening quote
		out = append(out, verify.ReadSite{Kind: verify.Feature, Name: v.AsString(), Site: verify.Site{Line: r.Start.Line, Col: r.Start.Column + 1}, Via: "Terraform " + b.Labels[0]})
	}
	return out
}

// dataFlags reads the JSON and YAML shapes of flag definitions: flagd and
// OpenFeature manifests ({"flags": {KEY: {...}}}), Flipt ({"flags": [{"key":
// KEY}]}), Unleash exports ({"features": [{"name": KEY}]}), LaunchDarkly
// exports and file data ({"items": [{"key": KEY}]}, {"flagValues": {KEY:
// v}}) and GO Feature Flag files ({KEY: {"variations": ...}}). Each needs
// the fields that make the shape a flag's, so an ordinary config file with
// a "features" list is not taken for one.
func dataFlags(src []byte) []verify.ReadSite {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	top := doc.Content[0]
	var out []verify.ReadSite
	add := func(key *yaml.Node, via string) {
		if key.Kind == yaml.ScalarNode && key.Value != "" {
			out = append(out, verify.ReadSite{Kind: verify.Feature, Name: key.Value, Site: siteOf(key), Via: via})
		}
	}
	if flags := mapValue(top, "flags"); flags != nil {
		switch flags.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(flags.Content); i += 2 {
				k, v := flags.Content[i], flags.Content[i+1]
				switch {
				case hasKey(v, "variants", "defaultVariant", "state"):
					add(k, "flagd flag definition")
				case hasKey(v, "flagType", "defaultValue"):
					add(k, "OpenFeature flag manifest")
				case hasKey(v, "variations", "on", "fallthrough"):
					add(k, "LaunchDarkly flag data")
				}
			}
		case yaml.SequenceNode:
			for _, item := range flags.Content {
				if k := mapValue(item, "key"); k != nil && hasKey(item, "type", "enabled", "variants", "name") {
					add(k, "Flipt flag definition")
				}
			}
		}
	}
	if features := mapValue(top, "features"); features != nil && features.Kind == yaml.SequenceNode {
		for _, item := range features.Content {
			if k := mapValue(item, "name"); k != nil && hasKey(item, "strategies", "enabled", "stale", "impressionData") {
				add(k, "Unleash feature export")
			}
		}
	}
	if items := mapValue(top, "items"); items != nil && items.Kind == yaml.SequenceNode {
		for _, item := range items.Content {
			if k := mapValue(item, "key"); k != nil && hasKey(item, "variations", "kind") {
				add(k, "LaunchDarkly flag export")
			}
		}
	}
	if values := mapValue(top, "flagValues"); values != nil && values.Kind == yaml.MappingNode {
		for i := 0; i < len(values.Content); i += 2 {
			add(values.Content[i], "LaunchDarkly flag data")
		}
	}
	if len(out) == 0 {
		// GO Feature Flag: the flags are the top-level keys
		for i := 0; i+1 < len(top.Content); i += 2 {
			if v := top.Content[i+1]; hasKey(v, "variations") && hasKey(v, "defaultRule", "targeting") {
				add(top.Content[i], "GO Feature Flag definition")
			}
		}
	}
	return out
}

// mapValue is the value under key in a mapping node, nil if none.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// hasKey reports whether a mapping node has any of keys.
func hasKey(n *yaml.Node, keys ...string) bool {
	for _, k := range keys {
		if mapValue(n, k) != nil {
			return true
		}
	}
	return false
}

// siteOf is a node's position, past a JSON key's opening quote.
func siteOf(n *yaml.Node) verify.Site {
	col := n.Column
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	return verify.Site{Line: n.Line, Col: col}
}
