package java

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// propertiesClass reads a @ConfigurationProperties class: its prefix
// leads to the class, whose fields (read by class) are the keys under it.
func propertiesClass(f *lang.File, n *sitter.Node) {
	name := n.ChildByFieldName("name")
	if name == nil {
		return
	}
	prefix, at := "", name
	if mods := lang.FirstChild(n, "modifiers"); mods != nil {
		for i := 0; i < int(mods.NamedChildCount()); i++ {
			a := mods.NamedChild(i)
			if an := a.ChildByFieldName("name"); a.Type() != "annotation" || an == nil || an.Content(f.Src) != "ConfigurationProperties" {
				continue
			}
			if v := annotationValue(a, f.Src, "prefix", "value"); v != nil {
				if s, ok := f.Literal(v); ok {
					prefix, at = s, v
				}
			}
		}
	}
	PrefixFields(f, prefix, at, name.Content(f.Src))
}

// PrefixFields records that the keys of class sit under a
// @ConfigurationProperties prefix. Kotlin shares it.
func PrefixFields(f *lang.File, prefix string, at *sitter.Node, class string) {
	var section []string
	if prefix != "" {
		section = strings.Split(prefix, ".")
	}
	f.BindSection(section, at, class, "@ConfigurationProperties")
}

// annotationValue is the value of one of an annotation's named elements,
// or its single unnamed value.
func annotationValue(a *sitter.Node, src []byte, names ...string) *sitter.Node {
	args := a.ChildByFieldName("arguments")
	if args == nil {
		return nil
	}
	for i := 0; i < int(args.NamedChildCount()); i++ {
		c := args.NamedChild(i)
		if c.Type() != "element_value_pair" {
			if i == 0 && c.Type() == "string_literal" {
				return c
			}
			continue
		}
		if k := c.ChildByFieldName("key"); k != nil {
			for _, n := range names {
				if k.Content(src) == n {
					return c.ChildByFieldName("value")
				}
			}
		}
	}
	return nil
}

// class records the fields of a class (or the components of a record)
// as keys of its type, weakly: they count when configuration reaches the
// class, from a @ConfigurationProperties prefix or a properties field.
// Spring binds fraudCheck from fraud-check too, so both are keys.
func class(f *lang.File, n *sitter.Node) {
	name := n.ChildByFieldName("name")
	body := n.ChildByFieldName("body")
	if name == nil || body == nil {
		return
	}
	owner := name.Content(f.Src)
	for i := 0; i < int(body.NamedChildCount()); i++ {
		d := body.NamedChild(i)
		if d.Type() != "field_declaration" || isStatic(d, f.Src) {
			continue
		}
		typ, isMap := fieldType(d.ChildByFieldName("type"), f.Src)
		for j := 0; j < int(d.NamedChildCount()); j++ {
			v := d.NamedChild(j)
			if v.Type() != "variable_declarator" {
				continue
			}
			if vn := v.ChildByFieldName("name"); vn != nil {
				AddKeys(f, owner, vn, typ, isMap)
			}
		}
	}
}

// AddKeys records a field of a class as a key, in camel and kebab case
// (Spring binds both). Kotlin shares it.
func AddKeys(f *lang.File, owner string, name *sitter.Node, typ string, isMap bool) {
	key := name.Content(f.Src)
	f.AddField(verify.Field{Owner: owner, Key: key, Type: typ, Map: isMap, Weak: true, Site: f.Site(name), Via: "field"})
	if k := lang.Kebab(key); k != key {
		f.AddField(verify.Field{Owner: owner, Key: k, Type: typ, Map: isMap, Weak: true, Site: f.Site(name), Via: "field, in kebab case"})
	}
}

func isStatic(d *sitter.Node, src []byte) bool {
	m := lang.FirstChild(d, "modifiers")
	return m != nil && strings.Contains(m.Content(src), "static")
}

// fieldType is the class a field holds, through List and Optional and
// the values of maps, and whether it is a map; "" for the JDK's scalars.
func fieldType(n *sitter.Node, src []byte) (string, bool) {
	isMap := false
	for depth := 0; n != nil && depth < 4; depth++ {
		switch n.Type() {
		case "type_identifier":
			if Scalar[n.Content(src)] {
				return "", isMap
			}
			return n.Content(src), isMap
		case "scoped_type_identifier":
			return lastNamed(n, src), isMap
		case "generic_type":
			base := lang.FirstChild(n, "type_identifier")
			args := lang.FirstChild(n, "type_arguments")
			if base == nil || args == nil || args.NamedChildCount() == 0 {
				return "", isMap
			}
			switch base.Content(src) {
			case "Map", "HashMap", "LinkedHashMap", "TreeMap":
				isMap = true
				n = args.NamedChild(int(args.NamedChildCount()) - 1)
			case "List", "Set", "Optional", "Collection", "ArrayList":
				n = args.NamedChild(0)
			default:
				return base.Content(src), isMap
			}
		default:
			return "", isMap
		}
	}
	return "", isMap
}

func lastNamed(n *sitter.Node, src []byte) string {
	if c := n.NamedChildCount(); c > 0 {
		return n.NamedChild(int(c) - 1).Content(src)
	}
	return n.Content(src)
}

// Scalar lists the JDK's single-value types, which hold no keys.
var Scalar = map[string]bool{"String": true, "Integer": true, "Long": true, "Boolean": true, "Double": true, "Float": true,
	"Duration": true, "DataSize": true, "URI": true, "URL": true, "Path": true, "File": true, "Charset": true, "Object": true}
