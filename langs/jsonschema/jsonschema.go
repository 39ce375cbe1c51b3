// Package jsonschema reads a JSON Schema of a configuration file as config
// structures: each object's properties are keys, additionalProperties and
// patternProperties make maps (the next segment is a name the user picks:
// serverless's functions.<name>.handler), and anyOf, oneOf, allOf and
// local $refs are followed. A schema is the project's own account of its
// config, so its keys count as read. The schema may come from a .json file
// or from an object literal in code; callers turn either into plain maps.
package jsonschema

import (
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/docverify/docverify/verify"
)

// Fields are the config structures of schema, owned under owner. refs is
// the document local $refs (#/definitions/name) resolve in: schema itself,
// or the document it is one part of. siteOf gives the position of a
// property name; via says where the schema is ("JSON Schema app-schema.json").
func Fields(owner string, schema, refs map[string]any, siteOf func(key string) verify.Site, via string) []verify.Field {
	r := &schemaReader{owner: owner, root: refs, siteOf: siteOf, via: via, done: map[string]bool{}}
	r.object(owner, schema, 0)
	return r.fields
}

type schemaReader struct {
	owner  string // the root's owner name, which local $refs extend
	root   map[string]any
	siteOf func(key string) verify.Site
	via    string
	done   map[string]bool // owners already read: schemas recurse
	fields []verify.Field
}

// maxSchemaDepth bounds the walk through nested and referenced schemas.
const maxSchemaDepth = 16

// object records the keys of the object schema s under owner.
func (r *schemaReader) object(owner string, s map[string]any, depth int) {
	if depth > maxSchemaDepth || r.done[owner] {
		return
	}
	r.done[owner] = true
	r.keys(owner, s, depth)
}

// keys records the properties of s, and of its alternatives, under owner.
func (r *schemaReader) keys(owner string, s map[string]any, depth int) {
	for _, alt := range r.alternatives(s, depth) {
		props, _ := alt["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			child, _ := props[k].(map[string]any)
			f := verify.Field{Owner: owner, Key: k, Site: r.siteOf(k), Via: r.via}
			if child != nil {
				f.Type, f.Map = r.childType(owner+"."+k, child, depth)
			}
			r.fields = append(r.fields, f)
		}
	}
}

// childType is the owner a property's keys are recorded under, and
// whether the property is a map (its next segment is any key).
func (r *schemaReader) childType(id string, s map[string]any, depth int) (string, bool) {
	// a property whose schema is a definition (a $ref, or one among
	// anyOf/oneOf/allOf) has that definition's type, read once: naming it
	// by its path instead repeats a recursive schema at every depth,
	// exponentially (cargo's manifest schema)
	if _, own := s["properties"]; !own {
		if ref := refOf(s); ref != "" {
			id = r.owner + ref
		}
	}
	var hasProps bool
	var mapOf map[string]any
	anyKey, freeForm := false, false
	for _, alt := range r.alternatives(s, depth+1) {
		if props, ok := alt["properties"].(map[string]any); ok && len(props) > 0 {
			hasProps = true
		}
		_, pattern := alt["patternProperties"]
		switch ap := alt["additionalProperties"].(type) {
		case map[string]any:
			mapOf, anyKey = ap, true
		case bool:
			anyKey = anyKey || ap
		case nil:
			// { type: 'object' } and nothing else: any keys, at any depth
			// (serverless's stages.<stage>.resolvers)
			t, _ := alt["type"].(string)
			props, _ := alt["properties"].(map[string]any)
			freeForm = freeForm || t == "object" && len(props) == 0 && !pattern
		}
		if pp, ok := alt["patternProperties"].(map[string]any); ok && mapOf == nil {
			for _, v := range pp {
				if m, ok := v.(map[string]any); ok && m["not"] == nil { // "not" forbids the names it matches
					mapOf, anyKey = m, true
				}
			}
		}
	}
	switch {
	case hasProps:
		first := !r.done[id]
		r.object(id, s, depth+1)
		if mapOf != nil && first {
			// the values of other keys are structures too: their keys join
			// the known ones, as one structure can only have one type.
			// Only on the first visit: a definition used in many places
			// would otherwise re-read its map's values at each, and their
			// definitions theirs, exponentially (btcpayserver's schemas
			// grew past 10 GB)
			r.keys(id, mapOf, depth+1)
		}
		return id, anyKey // known keys, and any other when additional ones are allowed
	case anyKey && mapOf != nil:
		r.object(id+".*", mapOf, depth+1)
		return id + ".*", true
	case anyKey:
		return "", true
	case freeForm:
		return verify.AnyStructure, true
	}
	return "", false
}

// alternatives are a schema and the schemas its anyOf, oneOf, allOf and
// $ref lead to.
func (r *schemaReader) alternatives(s map[string]any, depth int) []map[string]any {
	var out []map[string]any
	r.gather(s, depth, map[uintptr]bool{}, &out)
	return out
}

// gather adds s and the schemas it leads to, each once: definitions that
// refer to each other through anyOf lists would otherwise be listed once
// per path, exponentially in the depth.
func (r *schemaReader) gather(s map[string]any, depth int, seen map[uintptr]bool, out *[]map[string]any) {
	id := reflect.ValueOf(s).Pointer()
	if depth > maxSchemaDepth || seen[id] {
		return
	}
	seen[id] = true
	*out = append(*out, s)
	if ref, ok := s["$ref"].(string); ok {
		if t := r.resolve(ref); t != nil {
			r.gather(t, depth+1, seen, out)
		}
	}
	for _, k := range []string{"anyOf", "oneOf", "allOf"} {
		list, _ := s[k].([]any)
		for _, item := range list {
			if m, ok := item.(map[string]any); ok {
				r.gather(m, depth+1, seen, out)
			}
		}
	}
}

// refOf is the local definitions a schema is: its $ref, or the $refs
// among the items of its anyOf, oneOf or allOf, sorted and joined with |
// (a property that is one of two definitions is the same type wherever it
// appears); "" if none.
func refOf(s map[string]any) string {
	if ref, ok := s["$ref"].(string); ok && strings.HasPrefix(ref, "#/") {
		return ref
	}
	var refs []string
	for _, k := range []string{"anyOf", "oneOf", "allOf"} {
		list, _ := s[k].([]any)
		for _, item := range list {
			m, _ := item.(map[string]any)
			if ref, ok := m["$ref"].(string); ok && strings.HasPrefix(ref, "#/") {
				refs = append(refs, ref)
			}
		}
	}
	sort.Strings(refs)
	return strings.Join(slices.Compact(refs), "|")
}

// resolve follows a local reference, #/definitions/name or #/$defs/name.
func (r *schemaReader) resolve(ref string) map[string]any {
	rest, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil
	}
	var cur any = r.root
	for _, seg := range strings.Split(rest, "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")]
	}
	m, _ := cur.(map[string]any)
	return m
}
