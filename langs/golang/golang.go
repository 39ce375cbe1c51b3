// Package golang teaches docverify to read Go: env reads, flag definitions
// (flag, pflag/cobra, urfave/cli, kingpin), config keys (viper, koanf,
// struct tags chained into dotted paths), feature-flag SDK calls, and
// main packages as programs.
package golang

import (
	_ "embed"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/golang"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Go language.
var Spec = &lang.Spec{
	Name:       "go",
	Extensions: []string{".go"},
	Grammar:    golang.GetLanguage,
	Queries:    queries,
	Needles: []string{"Getenv", "LookupEnv", "lag", "viper", "koanf", "Envar", "EnvVar", "`",
		"Variation", "IsEnabled", "Value(", "Boolean(", "IsOn", "IsOff", "Feature(", "Treatment", "FlagKey", "func main("},
	IsTest:   func(p string) bool { return strings.HasSuffix(p, "_test.go") },
	Value:    value,
	Function: function,
	Program: func(p string, proj lang.Project) string {
		if dir := path.Dir(p); dir != "." {
			return path.Base(dir)
		}
		return proj.RootName
	},
	Custom:    map[string]lang.Handler{"go.struct": structFields},
	Manifests: map[string]lang.Manifest{"go.mod": goMod},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "interpreted_string_literal":
		s, err := strconv.Unquote(n.Content(src))
		if err != nil {
			s = strings.Trim(n.Content(src), `"`)
		}
		return []lang.Part{{Lit: s}}
	case "raw_string_literal":
		return []lang.Part{{Lit: strings.Trim(n.Content(src), "`")}}
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "selector_expression":
		if f := n.ChildByFieldName("field"); f != nil {
			return []lang.Part{{Ref: f.Content(src)}}
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	case "binary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && op.Content(src) == "+" {
			return append(value(n.ChildByFieldName("left"), src), value(n.ChildByFieldName("right"), src)...)
		}
	case "call_expression":
		fn := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fn != nil && args != nil && strings.HasSuffix(fn.Content(src), "Sprintf") && args.NamedChildCount() > 0 {
			if f := args.NamedChild(0); f.Type() == "interpreted_string_literal" {
				format, err := strconv.Unquote(f.Content(src))
				if err == nil {
					return formatParts(format)
				}
			}
		}
	}
	return []lang.Part{{Unknown: true}}
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// formatParts splits a printf format into literal and computed parts.
func formatParts(format string) []lang.Part {
	var out []lang.Part
	last := 0
	for _, m := range verbRE.FindAllStringIndex(format, -1) {
		if format[m[0]:m[1]] == "%%" {
			continue
		}
		if m[0] > last {
			out = append(out, lang.Part{Lit: strings.ReplaceAll(format[last:m[0]], "%%", "%")})
		}
		out = append(out, lang.Part{Unknown: true})
		last = m[1]
	}
	if last < len(format) {
		out = append(out, lang.Part{Lit: strings.ReplaceAll(format[last:], "%%", "%")})
	}
	return out
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	var fn lang.Function
	switch n.Type() {
	case "function_declaration", "method_declaration":
		if name := n.ChildByFieldName("name"); name != nil {
			fn.Name = name.Content(src)
		}
	case "func_literal":
		// the name a function literal is assigned to: getEnv := func(k string) ...
		if p := n.Parent(); p != nil && p.Type() == "expression_list" {
			if d := p.Parent(); d != nil && (d.Type() == "short_var_declaration" || d.Type() == "assignment_statement") {
				if l := d.ChildByFieldName("left"); l != nil && l.NamedChildCount() > 0 {
					fn.Name = l.NamedChild(0).Content(src)
				}
			}
		}
	default:
		return fn, false
	}
	params := n.ChildByFieldName("parameters")
	if params == nil {
		return fn, true
	}
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		if p.Type() != "parameter_declaration" && p.Type() != "variadic_parameter_declaration" {
			continue
		}
		names := 0
		for j := 0; j < int(p.ChildCount()); j++ {
			if p.FieldNameForChild(j) == "name" {
				fn.Params = append(fn.Params, p.Child(j).Content(src))
				names++
			}
		}
		if names == 0 {
			fn.Params = append(fn.Params, "_")
		}
	}
	return fn, true
}

// configTags are the struct tag keys whose value is a config key.
var configTags = []string{"yaml", "json", "toml", "mapstructure", "koanf", "hcl", "ini", "envconfig_key"}

// structFields reads a struct type: tagged fields become config keys,
// chained to nested structures through their types; env and envconfig
// tags are env reads; go-flags "long" tags and kong fields are flags.
func structFields(f *lang.File, spec *sitter.Node) {
	name := spec.ChildByFieldName("name")
	st := spec.ChildByFieldName("type")
	if name == nil || st == nil || st.NamedChildCount() == 0 {
		return
	}
	owner := name.Content(f.Src)
	list := st.NamedChild(0)
	type field struct {
		names []*sitter.Node
		typ   *sitter.Node
		tag   reflect.StructTag
		tagN  *sitter.Node
	}
	var fields []field
	configTagged := false
	for i := 0; i < int(list.NamedChildCount()); i++ {
		d := list.NamedChild(i)
		if d.Type() != "field_declaration" {
			continue
		}
		var fl field
		for j := 0; j < int(d.ChildCount()); j++ {
			switch d.FieldNameForChild(j) {
			case "name":
				fl.names = append(fl.names, d.Child(j))
			case "type":
				fl.typ = d.Child(j)
			case "tag":
				fl.tagN = d.Child(j)
				if s, ok := f.Literal(d.Child(j)); ok {
					fl.tag = reflect.StructTag(s)
				}
			}
		}
		for _, k := range configTags {
			if _, ok := fl.tag.Lookup(k); ok {
				configTagged = true
			}
		}
		fields = append(fields, fl)
	}
	for _, fl := range fields {
		typ, isMap := typeName(fl.typ, f.Src)
		site := fl.typ
		if len(fl.names) > 0 {
			site = fl.names[0]
		}
		for _, envTag := range []string{"env", "envconfig"} {
			if v, ok := fl.tag.Lookup(envTag); ok {
				if env := strings.Split(v, ",")[0]; env != "" && env != "-" {
					f.ReadName(verify.Env, env, site, "struct tag "+envTag, false)
				}
			}
		}
		if long, ok := fl.tag.Lookup("long"); ok && long != "" {
			f.ReadName(verify.Flag, long, site, "struct tag long", false)
		} else if _, ok := fl.tag.Lookup("help"); ok && len(fl.names) > 0 {
			if _, isArg := fl.tag.Lookup("arg"); !isArg {
				flag := lang.Kebab(fl.names[0].Content(f.Src))
				if n, ok := fl.tag.Lookup("name"); ok && n != "" {
					flag = n
				}
				f.ReadName(verify.Flag, flag, site, "kong field", fl.typ != nil && fl.typ.Content(f.Src) == "bool")
			}
		}
		if !configTagged {
			continue
		}
		key, via, inline := "", "", false
		for _, k := range configTags {
			v, ok := fl.tag.Lookup(k)
			if !ok {
				continue
			}
			parts := strings.Split(v, ",")
			if parts[0] == "-" {
				key, via = "-", ""
				break
			}
			for _, opt := range parts[1:] {
				if opt == "inline" || opt == "squash" {
					inline = true
				}
			}
			if parts[0] != "" && key == "" {
				key, via = parts[0], "struct tag "+k
			}
		}
		if key == "-" {
			continue
		}
		if len(fl.names) == 0 {
			inline = true // an embedded struct: its keys appear at this level
		}
		if inline {
			f.AddField(verify.Field{Owner: owner, Type: typ, Inline: true, Site: f.Site(site), Via: "embedded struct"})
			continue
		}
		for _, n := range fl.names {
			k, v := key, via
			if k == "" {
				k, v = n.Content(f.Src), "struct field" // loaders match untagged fields by name
			}
			f.AddField(verify.Field{Owner: owner, Key: k, Type: typ, Map: isMap, Site: f.Site(n), Via: v})
		}
	}
}

// typeName is the name of the structure a field's type refers to, seeing
// through pointers, slices and map values; isMap is set for maps.
func typeName(n *sitter.Node, src []byte) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "type_identifier":
		return builtinless(n.Content(src)), false
	case "qualified_type":
		if name := n.ChildByFieldName("name"); name != nil {
			return name.Content(src), false
		}
	case "pointer_type", "slice_type", "array_type":
		for i := int(n.NamedChildCount()) - 1; i >= 0; i-- {
			t, _ := typeName(n.NamedChild(i), src)
			return t, false
		}
	case "map_type":
		t, _ := typeName(n.ChildByFieldName("value"), src)
		return t, true
	case "generic_type":
		return typeName(n.ChildByFieldName("type"), src)
	}
	return "", false
}

func builtinless(t string) string {
	switch t {
	case "string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
		"float32", "float64", "byte", "rune", "error", "any":
		return ""
	}
	return t
}

var moduleRE = regexp.MustCompile(`(?m)^module\s+"?([^\s"]+)`)

// goMod names the program a main package at the module root builds:
// the last element of the module path.
func goMod(p string, src []byte) []verify.Program {
	m := moduleRE.FindSubmatchIndex(src)
	if m == nil {
		return nil
	}
	mod := string(src[m[2]:m[3]])
	elems := strings.Split(mod, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && regexp.MustCompile(`^v[0-9]+$`).MatchString(name) {
		name = elems[len(elems)-2]
	}
	line := strings.Count(string(src[:m[2]]), "\n") + 1
	return []verify.Program{{Name: name, Site: verify.Site{Line: line, Col: m[2] - strings.LastIndexByte(string(src[:m[2]]), '\n')}, Via: "go.mod module path"}}
}
