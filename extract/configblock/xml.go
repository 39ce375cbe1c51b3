package configblock

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
)

// maxXMLDepth bounds the element nesting an XML snippet may have: docs
// show config files, not documents, and a deep nest is hostile input.
const maxXMLDepth = 64

// parseXML reads an XML config snippet (psalm.xml, phpunit.xml, a .NET
// app.config) into the tree every format shares: each element is a key,
// its attributes are keys under it with their values as scalars, and an
// element holding only text has that text as its scalar. Namespaced
// names (xmlns:xsi, xsi:schemaLocation) belong to XML itself and are
// left out, with everything under a namespaced element. The decoder is
// lenient, as doc snippets are: elisions ("..."), unclosed elements and
// unknown entities do not stop it.
func parseXML(src string) (*Node, error) {
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict = false
	d.AutoClose = nil
	d.Entity = xml.HTMLEntity
	root := &Node{Offset: -1, ScalarOffset: -1}
	type open struct {
		node *Node
		name string
		skip bool // a namespaced element, or one under it
	}
	stack := []open{{node: root}}
	var text strings.Builder
	prev := 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(root.Kids) > 0 {
				break // what came before the slip is read
			}
			return nil, err
		}
		end := int(d.InputOffset())
		start := prev
		prev = end
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				return nil, errors.New("elements nested too deep")
			}
			text.Reset()
			name := t.Name.Local
			skip := top.skip || t.Name.Space != ""
			var n *Node
			if !skip {
				raw := src[start:end]
				n = child(top.node, name, start+strings.Index(raw, name))
				for _, a := range t.Attr {
					if a.Name.Space != "" || a.Name.Local == "xmlns" {
						continue
					}
					off := attrOffset(raw, a.Name.Local)
					if off < 0 {
						continue
					}
					k := child(n, a.Name.Local, start+off)
					k.Scalar = a.Value
				}
			}
			stack = append(stack, open{node: n, name: name, skip: skip})
		case xml.EndElement:
			// close up to the matching element: a snippet may leave some open
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == t.Name.Local {
					if n := stack[i].node; n != nil && len(n.Kids) == 0 {
						n.Scalar = strings.TrimSpace(text.String())
					}
					stack = stack[:i]
					break
				}
			}
			text.Reset()
		case xml.CharData:
			text.Write(t)
		}
	}
	return root, nil
}

// attrRE finds an attribute's name in a start tag.
var attrRE = regexp.MustCompile(`[\s]([A-Za-z_][\w.:-]*)\s*=`)

// attrOffset is the byte offset of the attribute name in a raw start
// tag, -1 if it is not there as written.
func attrOffset(raw, name string) int {
	for _, m := range attrRE.FindAllStringSubmatchIndex(raw, -1) {
		if raw[m[2]:m[3]] == name {
			return m[2]
		}
	}
	return -1
}
