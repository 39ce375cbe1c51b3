// Package kotlin teaches docverify to read Kotlin: the JVM idioms Java
// has (System.getenv, Spring's @Value and @ConfigurationProperties data
// classes, picocli) and Clikt options. Maven and Gradle builds are read
// by the java package's manifests, which Kotlin shares.
package kotlin

import (
	_ "embed"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/kotlin"

	"github.com/docverify/docverify/langs/java"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Kotlin language.
var Spec = &lang.Spec{
	Name:  "kotlin",
	Title: "Kotlin",
	Idioms: lang.Idioms{
		Env:      "`System.getenv`, Clikt `envvar`, Spring relaxed binding",
		Flags:    "Clikt `option()` (named or from the property), picocli",
		Config:   "Spring `@Value` and `@ConfigurationProperties` data classes, Micronaut/Quarkus",
		Features: "LaunchDarkly, OpenFeature, Unleash, Split",
		Programs: "picocli `@Command(name)`, Gradle and Maven as for Java",
	},
	Extensions: []string{".kt", ".kts"},
	Grammar:    kotlin.GetLanguage,
	Queries:    queries,
	Needles: []string{"getenv", "getProperty", "@Value", "ConfigProperty", "@Property", "@Option", "@Parameter", "@Command",
		"ConfigurationProperties", "SpringBootApplication", "option(", "flag(", "Variation", "Value(", "Details(", "isEnabled",
		"getTreatment"},
	IsTest: func(p string) bool {
		return strings.Contains(p, "src/test/") || strings.HasSuffix(p, "Test.kt") || strings.HasSuffix(p, "Tests.kt")
	},
	Value:    value,
	Function: function,
	Program:  func(string, lang.Project) string { return "" }, // named by @Command and the build, not by the file
	Custom: map[string]lang.Handler{
		"kotlin.placeholder": java.Placeholders, "kotlin.program": java.CommandProgram, "kotlin.class": class,
		"kotlin.springboot": java.SpringBoot, "kotlin.delegate": delegate,
	},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string_literal":
		var out []lang.Part
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_content":
				out = append(out, lang.Part{Lit: c.Content(src)})
			case "interpolated_identifier":
				out = append(out, lang.Part{Ref: c.Content(src)})
			default:
				out = append(out, lang.Part{Unknown: true})
			}
		}
		if len(out) == 0 {
			return []lang.Part{{Lit: ""}}
		}
		return out
	case "simple_identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "navigation_expression":
		if s := lang.LastChild(n, "navigation_suffix"); s != nil && s.NamedChildCount() > 0 {
			return []lang.Part{{Ref: s.NamedChild(0).Content(src)}}
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	case "additive_expression":
		if n.NamedChildCount() == 2 && strings.Contains(n.Content(src), "+") {
			return append(value(n.NamedChild(0), src), value(n.NamedChild(1), src)...)
		}
	}
	return []lang.Part{{Unknown: true}}
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	if n.Type() != "function_declaration" {
		return lang.Function{}, false
	}
	var fn lang.Function
	if name := lang.FirstChild(n, "simple_identifier"); name != nil {
		fn.Name = name.Content(src)
	}
	if params := lang.FirstChild(n, "function_value_parameters"); params != nil {
		for i := 0; i < int(params.NamedChildCount()); i++ {
			if p := params.NamedChild(i); p.Type() == "parameter" {
				if name := lang.FirstChild(p, "simple_identifier"); name != nil {
					fn.Params = append(fn.Params, name.Content(src))
				}
			}
		}
	}
	return fn, true
}

// delegate reads val dryRun by option(): a Clikt option given no names is
// named after its property, in kebab case.
func delegate(f *lang.File, n *sitter.Node) {
	vd := lang.FirstChild(n, "variable_declaration")
	pd := lang.FirstChild(n, "property_delegate")
	if vd == nil || pd == nil {
		return
	}
	name := lang.FirstChild(vd, "simple_identifier")
	call := innermostCall(pd)
	if name == nil || call == nil {
		return
	}
	fn := lang.FirstChild(call, "simple_identifier")
	if fn == nil || fn.Content(f.Src) != "option" {
		return
	}
	if args := lang.FirstChild(lang.FirstChild(call, "call_suffix"), "value_arguments"); args != nil {
		for i := 0; i < int(args.NamedChildCount()); i++ {
			a := args.NamedChild(i)
			if a.NamedChildCount() == 1 && a.NamedChild(0).Type() == "string_literal" {
				return // named explicitly: read by the query
			}
		}
	}
	f.ReadName(verify.Flag, lang.Kebab(name.Content(f.Src)), name, "option() property", false)
}

// innermostCall follows a chain option().flag().default(..) to its first call.
func innermostCall(n *sitter.Node) *sitter.Node {
	var found *sitter.Node
	for depth := 0; n != nil && depth < 12; depth++ {
		switch n.Type() {
		case "call_expression":
			found = n
			n = n.NamedChild(0)
		case "navigation_expression", "property_delegate":
			n = n.NamedChild(0)
		default:
			return found
		}
	}
	return found
}

// class reads a class's properties (primary-constructor vals and body
// properties) as keys of its type, weakly, and a @ConfigurationProperties
// prefix that leads to them.
func class(f *lang.File, n *sitter.Node) {
	name := lang.FirstChild(n, "type_identifier")
	if name == nil {
		return
	}
	owner := name.Content(f.Src)
	if mods := lang.FirstChild(n, "modifiers"); mods != nil {
		for i := 0; i < int(mods.NamedChildCount()); i++ {
			a := mods.NamedChild(i)
			ci := lang.FirstChild(a, "constructor_invocation")
			if a.Type() != "annotation" || ci == nil || !strings.HasSuffix(ci.NamedChild(0).Content(f.Src), "ConfigurationProperties") {
				continue
			}
			prefix, at := "", name
			if args := lang.FirstChild(ci, "value_arguments"); args != nil {
				for j := 0; j < int(args.NamedChildCount()); j++ {
					arg := args.NamedChild(j)
					lit := lang.LastChild(arg, "string_literal")
					key := lang.FirstChild(arg, "simple_identifier")
					if lit != nil && (key == nil || key.Content(f.Src) == "prefix" || key.Content(f.Src) == "value") {
						if s, ok := f.Literal(lit); ok {
							prefix, at = s, lit
						}
					}
				}
			}
			java.PrefixFields(f, prefix, at, owner)
		}
	}
	if ctor := lang.FirstChild(n, "primary_constructor"); ctor != nil {
		for i := 0; i < int(ctor.NamedChildCount()); i++ {
			p := ctor.NamedChild(i)
			if p.Type() != "class_parameter" || lang.FirstChild(p, "binding_pattern_kind") == nil {
				continue // a plain constructor parameter is not a property
			}
			addProperty(f, owner, lang.FirstChild(p, "simple_identifier"), p)
		}
	}
	if body := lang.FirstChild(n, "class_body"); body != nil {
		for i := 0; i < int(body.NamedChildCount()); i++ {
			if p := body.NamedChild(i); p.Type() == "property_declaration" {
				if vd := lang.FirstChild(p, "variable_declaration"); vd != nil {
					addProperty(f, owner, lang.FirstChild(vd, "simple_identifier"), vd)
				}
			}
		}
	}
}

func addProperty(f *lang.File, owner string, name, decl *sitter.Node) {
	if name == nil {
		return
	}
	typ, isMap := propertyType(lang.FirstChild(decl, "user_type"), f.Src)
	java.AddKeys(f, owner, name, typ, isMap)
}

// propertyType is the class a property holds, through List and the
// values of maps, and whether it is a map.
func propertyType(n *sitter.Node, src []byte) (string, bool) {
	isMap := false
	for depth := 0; n != nil && depth < 4; depth++ {
		id := lang.FirstChild(n, "type_identifier")
		if id == nil {
			return "", isMap
		}
		base := id.Content(src)
		args := lang.FirstChild(n, "type_arguments")
		switch {
		case args == nil || args.NamedChildCount() == 0:
			if java.Scalar[base] || kotlinScalar[base] {
				return "", isMap
			}
			return base, isMap
		case base == "Map" || base == "MutableMap" || base == "HashMap":
			isMap = true
			n = lang.FirstChild(args.NamedChild(int(args.NamedChildCount())-1), "user_type")
		case base == "List" || base == "Set" || base == "MutableList":
			n = lang.FirstChild(args.NamedChild(0), "user_type")
		default:
			return base, isMap
		}
	}
	return "", isMap
}

var kotlinScalar = map[string]bool{"Int": true, "Boolean": true, "Char": true, "Byte": true, "Short": true, "Any": true}
