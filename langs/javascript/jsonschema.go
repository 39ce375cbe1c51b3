package javascript

import (
	"fmt"
	"regexp"
	"strconv"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/langs/jsonschema"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// schemaWords are the keys whose value is a sub-schema or a list or map of
// them: an object literal under one of them is part of an enclosing schema.
var schemaWords = map[string]bool{"properties": true, "patternProperties": true, "additionalProperties": true,
	"items": true, "anyOf": true, "oneOf": true, "allOf": true, "not": true, "definitions": true, "$defs": true,
	"then": true, "else": true, "if": true, "contains": true, "propertyNames": true}

// maxSchemaNodes bounds the literal read as one schema, and maxSchemaRefs
// the names resolved to their declared values inside it.
const (
	maxSchemaNodes = 100000
	maxSchemaRefs  = 2000
)

// jsonSchemaLiteral reads an object literal shaped as a JSON Schema of a
// config file — { type: 'object', properties: { … } }, serverless's
// config schema, ajv and fastify schemas — through package jsonschema:
// its properties are config keys, and its patternProperties and
// additionalProperties make maps whose keys the user names
// (functions.<name>.handler). Only the outermost schema literal is read;
// the ones inside it are its parts.
func jsonSchemaLiteral(f *lang.File, obj *sitter.Node) {
	if !looksLikeSchema(f, obj) || insideSchema(f, obj) {
		return
	}
	c := &schemaLiteral{f: f, sites: map[string]verify.Site{}}
	root, ok := c.value(obj, 0).(map[string]any)
	if !ok {
		return
	}
	refs := root
	if defs := definitionsAbove(f, obj); defs != nil {
		// a provider's wrapper keeps the definitions its parts $ref
		refs, _ = c.value(defs, 0).(map[string]any)
	}
	owner := fmt.Sprintf("@schema:%s:%d", f.Path, obj.StartPoint().Row+1)
	siteOf := func(k string) verify.Site {
		if s, ok := c.sites[k]; ok {
			return s
		}
		return f.Site(obj)
	}
	schema := root
	if key, at := describedKey(f, obj); key != "" {
		// the schema of one key: { provider: { properties } } or
		// defineTopLevelProperty('ai', { ... }); the key is read as a
		// property of a schema above, which makes it a map if the
		// schema says so
		if _, seen := c.sites[key]; !seen {
			c.sites[key] = f.Site(at)
		}
		schema = map[string]any{"properties": map[string]any{key: root}}
	}
	for _, fl := range jsonschema.Fields(owner, schema, refs, siteOf, "JSON Schema object") {
		f.AddField(fl)
	}
}

// describedKey is the config key a schema literal describes: the key of
// the pair it is the value of, or the name given just before it in a
// call that registers it (defineTopLevelProperty('ai', schema)).
func describedKey(f *lang.File, obj *sitter.Node) (string, *sitter.Node) {
	p := obj.Parent()
	if p == nil {
		return "", nil
	}
	var key *sitter.Node
	switch p.Type() {
	case "pair":
		key = p.ChildByFieldName("key")
	case "arguments":
		key = obj.PrevNamedSibling()
		if key == nil || key.Type() != "string" {
			return "", nil
		}
	default:
		return "", nil
	}
	k, ok := f.Literal(key)
	if !ok || !configKeyRE.MatchString(k) || schemaWords[k] {
		return "", nil
	}
	return k, key
}

var configKeyRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// definitionsAbove finds, among the few objects enclosing a schema
// literal, one holding definitions or $defs — the document a local $ref
// (#/definitions/name) points into when the schema is one part of it.
func definitionsAbove(f *lang.File, obj *sitter.Node) *sitter.Node {
	for p, depth := obj.Parent(), 0; p != nil && depth < 8; p, depth = p.Parent(), depth+1 {
		if p.Type() != "object" {
			continue
		}
		for i := 0; i < int(p.NamedChildCount()); i++ {
			pair := p.NamedChild(i)
			if pair.Type() != "pair" {
				continue
			}
			if k, _ := f.Literal(pair.ChildByFieldName("key")); k == "definitions" || k == "$defs" {
				return p
			}
		}
	}
	return nil
}

// looksLikeSchema reports an object with properties given as an object
// and a JSON Schema keyword beside them (type: 'object', required,
// additionalProperties, patternProperties, $schema), or an object schema
// of a map ({ type: 'object', additionalProperties: { … } }).
func looksLikeSchema(f *lang.File, obj *sitter.Node) bool {
	props, mapOf, typed, marker := false, false, false, false
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		p := obj.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		k, _ := f.Literal(p.ChildByFieldName("key"))
		v := p.ChildByFieldName("value")
		switch k {
		case "properties":
			props = v != nil && v.Type() == "object"
			marker = marker || props && describedProperties(f, v)
		case "type":
			s, _ := f.Literal(v)
			typed = s == "object"
			marker = marker || typed
		case "additionalProperties", "patternProperties":
			// a map of schemas: { type: 'object', additionalProperties: {...} }
			mapOf = mapOf || v != nil && v.Type() == "object"
			marker = true
		case "required", "$schema":
			marker = true
		}
	}
	return (props || mapOf && typed) && marker
}

// describedProperties reports a properties object whose entries are
// schemas themselves: at least two of them (or the only one) carry a
// type, $ref, enum or alternatives.
func describedProperties(f *lang.File, props *sitter.Node) bool {
	entries, described := 0, 0
	for i := 0; i < int(props.NamedChildCount()); i++ {
		p := props.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		entries++
		v := p.ChildByFieldName("value")
		if v == nil || v.Type() != "object" {
			continue
		}
		for j := 0; j < int(v.NamedChildCount()); j++ {
			if k, _ := f.Literal(v.NamedChild(j).ChildByFieldName("key")); schemaTyping[k] {
				described++
				break
			}
		}
	}
	return described >= 2 || entries == 1 && described == 1
}

var schemaTyping = map[string]bool{"type": true, "$ref": true, "enum": true, "anyOf": true, "oneOf": true, "allOf": true, "const": true}

// insideSchema reports an object literal that is the sub-schema of an
// enclosing one: some pair above it is keyed by a schema keyword.
func insideSchema(f *lang.File, n *sitter.Node) bool {
	for p, depth := n.Parent(), 0; p != nil && depth < 256; p, depth = p.Parent(), depth+1 {
		if p.Type() != "pair" {
			continue
		}
		if k, _ := f.Literal(p.ChildByFieldName("key")); schemaWords[k] {
			return true
		}
	}
	return false
}

// schemaLiteral turns an object literal into the plain maps, lists and
// scalars package jsonschema reads; what is not a literal becomes nil.
type schemaLiteral struct {
	f     *lang.File
	sites map[string]verify.Site // where each property name is first written
	nodes int
	refs  int
	decls map[string]*sitter.Node // the file's declared values, read once
}

// declared is the value a name is declared with in the file, from one
// walk of it for all the names a schema uses.
func (c *schemaLiteral) declared(from *sitter.Node, name string) *sitter.Node {
	if c.decls == nil {
		c.decls = declarations(c.f, from)
	}
	return c.decls[name]
}

func (c *schemaLiteral) value(n *sitter.Node, depth int) any {
	c.nodes++
	if n == nil || depth > 48 || c.nodes > maxSchemaNodes {
		return nil
	}
	switch n.Type() {
	case "object":
		m := map[string]any{}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			p := n.NamedChild(i)
			switch p.Type() {
			case "pair":
				key := p.ChildByFieldName("key")
				k, ok := c.f.Literal(key)
				if !ok {
					// a computed name ([functionNamePattern]) is a pattern
					// of patternProperties: any distinct key will do
					k = "[" + strconv.Itoa(i) + "]"
				} else if _, seen := c.sites[k]; !seen {
					c.sites[k] = c.f.Site(key)
				}
				m[k] = c.value(p.ChildByFieldName("value"), depth+1)
			case "shorthand_property_identifier":
				m[p.Content(c.f.Src)] = nil
			}
		}
		return m
	case "array":
		var list []any
		for i := 0; i < int(n.NamedChildCount()); i++ {
			list = append(list, c.value(n.NamedChild(i), depth+1))
		}
		return list
	case "true", "false":
		return n.Type() == "true"
	case "string", "template_string":
		s, _ := c.f.Literal(n)
		return s
	case "identifier":
		// a sub-schema bound to a name in the same file
		if c.refs >= maxSchemaRefs {
			return nil
		}
		c.refs++
		if v := c.declared(n, n.Content(c.f.Src)); v != nil && v.Type() == "object" {
			return c.value(v, depth+1)
		}
	case "parenthesized_expression", "as_expression", "satisfies_expression":
		if n.NamedChildCount() > 0 {
			return c.value(n.NamedChild(0), depth+1)
		}
	}
	return nil
}
