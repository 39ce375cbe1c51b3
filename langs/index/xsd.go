package index

import (
	"bytes"
	"encoding/xml"
	"path"
	"regexp"
	"strings"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// isXSDFile reports an XML Schema: a project that reads an XML config
// file (psalm.xml, phpunit.xml) often ships the schema that describes it.
func isXSDFile(p string) bool {
	return strings.EqualFold(path.Ext(p), ".xsd")
}

// xsdNode is an element of an XML Schema document, namespaces dropped.
type xsdNode struct {
	tag   string // element, attribute, complexType, attributeGroup, group, extension…
	attrs map[string]string
	kids  []*xsdNode
}

// maxXSDNodes bounds how much of a schema is read: real ones have a few
// thousand declarations.
const maxXSDNodes = 200_000

// xsdFacts reads an XML Schema of a configuration file as config
// structures, the way schemaFacts reads a JSON Schema: every declared
// element and attribute is a key under the element that holds it, named
// types and groups are structures, and element references and type
// extensions are followed. The schema is the project's account of its
// config, so its keys count as read.
func xsdFacts(p string, src []byte) (verify.FileFacts, bool) {
	root, ok := parseXSD(src)
	if !ok || root.tag != "schema" {
		return verify.FileFacts{}, false
	}
	r := &xsdReader{path: p, src: src, facts: verify.FileFacts{Path: p}, topElements: map[string]*xsdNode{}}
	for _, k := range root.kids {
		if k.tag == "element" && k.attrs["name"] != "" {
			r.topElements[k.attrs["name"]] = k
		}
	}
	if !configSchema(p, r.topElements) {
		return verify.FileFacts{}, false
	}
	for _, k := range root.kids {
		switch name := k.attrs["name"]; {
		case name == "":
		case k.tag == "element":
			r.declare("@xsd:"+p, k)
		case k.tag == "complexType" || k.tag == "attributeGroup" || k.tag == "group":
			r.structure(r.typeID(name), k, 0)
		}
	}
	return r.facts, len(r.facts.Fields) > 0
}

type xsdReader struct {
	path        string
	src         []byte
	facts       verify.FileFacts
	topElements map[string]*xsdNode
}

func (r *xsdReader) typeID(name string) string {
	return "@xsd:" + r.path + "#" + localName(name)
}

// declare records an element as a key of owner, with the structure its
// type names or its anonymous type holds.
func (r *xsdReader) declare(owner string, el *xsdNode) {
	name := el.attrs["name"]
	if name == "" {
		ref := localName(el.attrs["ref"])
		top := r.topElements[ref]
		if top == nil {
			return
		}
		name, el = ref, top
	}
	f := verify.Field{Owner: owner, Key: name, Site: lang.TextSite(r.src, `name="`+name+`"`), Via: "XML Schema " + path.Base(r.path), Nested: owner != "@xsd:"+r.path && commonWord(name)}
	if t := el.attrs["type"]; t != "" && !strings.HasPrefix(t, "xs:") && !strings.HasPrefix(t, "xsd:") {
		f.Type = r.typeID(t)
	}
	for _, k := range el.kids {
		if k.tag == "complexType" {
			f.Type = owner + "/" + name
			r.structure(f.Type, k, 0)
		}
	}
	r.facts.Fields = append(r.facts.Fields, f)
}

// structure records the elements and attributes a type or group declares
// under owner; nested sequences, choices and extensions add to the same
// structure.
func (r *xsdReader) structure(owner string, n *xsdNode, depth int) {
	if depth > 32 {
		return
	}
	for _, k := range n.kids {
		switch k.tag {
		case "element":
			r.declare(owner, k)
		case "attribute":
			if name := k.attrs["name"]; name != "" {
				r.facts.Fields = append(r.facts.Fields, verify.Field{Owner: owner, Key: name, Site: lang.TextSite(r.src, `name="`+name+`"`), Via: "XML Schema " + path.Base(r.path), Nested: commonWord(name)})
			}
		case "attributeGroup", "group":
			if ref := k.attrs["ref"]; ref != "" {
				r.facts.Fields = append(r.facts.Fields, verify.Field{Owner: owner, Type: r.typeID(ref), Inline: true, Site: lang.TextSite(r.src, `ref="`+ref+`"`), Via: "XML Schema " + path.Base(r.path)})
				continue
			}
			r.structure(owner, k, depth+1)
		case "extension", "restriction":
			if base := k.attrs["base"]; base != "" && !strings.HasPrefix(base, "xs:") && !strings.HasPrefix(base, "xsd:") {
				r.facts.Fields = append(r.facts.Fields, verify.Field{Owner: owner, Type: r.typeID(base), Inline: true, Site: lang.TextSite(r.src, `base="`+base+`"`), Via: "XML Schema " + path.Base(r.path)})
			}
			r.structure(owner, k, depth+1)
		default: // sequence, choice, all, complexContent, simpleContent, annotation…
			r.structure(owner, k, depth+1)
		}
	}
}

// xsdVersionRE finds the version a schema's file name ends in:
// ruleset_2_0_0, phpunit-9.5.
var xsdVersionRE = regexp.MustCompile(`[-_.]?v?\d+([-_.]\d+)*$`)

// configSchema reports a schema of a config file rather than of a
// report, a data format or test data: its file is named as config
// (config.xsd, settings.xsd), or after the element it describes, as
// phpunit.xsd describes <phpunit> and ruleset_2_0_0.xsd <ruleset>. A
// report's schema (report_2_0_0.xsd, whose root is <pmd>) describes output.
func configSchema(p string, top map[string]*xsdNode) bool {
	base := strings.ToLower(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	if strings.Contains(base, "config") || strings.Contains(base, "setting") {
		return true
	}
	base = xsdVersionRE.ReplaceAllString(base, "")
	for name := range top {
		if strings.EqualFold(name, base) {
			return true
		}
	}
	return false
}

// commonWord reports a name of one lower-case word (name, type, value,
// class): schemas declare such attributes everywhere, so one vouches for
// a key only under the element that declares it, while a name like
// findUnusedCode is the schema's wherever it is written. The top-level
// elements, the file's roots, are keys whatever their names.
func commonWord(name string) bool {
	for _, r := range name {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// parseXSD reads a schema into a tree of its elements.
func parseXSD(src []byte) (*xsdNode, bool) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	var stack []*xsdNode
	var root *xsdNode
	count := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if count++; count > maxXSDNodes {
				return nil, false
			}
			n := &xsdNode{tag: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "" {
					n.attrs[a.Name.Local] = a.Value
				}
			}
			if len(stack) == 0 {
				if root != nil {
					return root, true
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return root, root != nil
}

// localName drops a namespace prefix: psalm:ProjectFilesType is ProjectFilesType.
func localName(s string) string {
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		return s[i+1:]
	}
	return s
}
