// Package configblock reads the keys of a configuration snippet in a doc —
// YAML, TOML, JSON, INI, Java properties, .env or XML — into one tree shape with
// the byte offset of every key, so that the caller can turn keys into
// claims at their exact position. JSON is read with the YAML parser, which
// accepts it and keeps positions.
package configblock

import (
	"bufio"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// Format is a configuration syntax.
type Format uint8

const (
	Unknown Format = iota
	YAML
	TOML
	JSON
	INI
	Properties
	Env
	XML
	HCL
)

// FormatOf maps a fenced block's info string (its first word) to a format.
func FormatOf(lang string) Format {
	switch strings.ToLower(lang) {
	case "yaml", "yml":
		return YAML
	case "toml":
		return TOML
	case "json", "json5", "jsonc":
		return JSON
	case "ini", "cfg", "conf", "editorconfig":
		return INI
	case "properties", "props", "java-properties":
		return Properties
	case "env", "dotenv", ".env":
		return Env
	case "xml":
		return XML
	case "hcl", "nomad", "consul", "vault", "packer":
		return HCL
	}
	return Unknown
}

// Node is a key, a mapping or a sequence of a configuration snippet.
type Node struct {
	Key    string
	Offset int     // byte offset of the key in the snippet; -1 for the root and sequence items
	Kids   []*Node // mapping entries, in order
	Items  []*Node // sequence items
	Scalar string  // the value when it is a scalar
	// ScalarOffset is the byte offset of the scalar value, -1 if none.
	ScalarOffset int
}

// Get returns the child with the given key, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Key == key {
			return k
		}
	}
	return nil
}

// Leaf is a key path that holds a value.
type Leaf struct {
	Path   []string
	Offset int
}

// Leaves lists every key path of the tree that ends in a value, a
// sequence or an empty mapping, in document order. Sequence items are
// transparent: servers: [{host: x}] gives servers.host.
func (n *Node) Leaves() []Leaf {
	var out []Leaf
	var walk func(n *Node, path []string)
	walk = func(n *Node, path []string) {
		for _, k := range n.Kids {
			p := append(append([]string(nil), path...), k.Key)
			switch {
			case len(k.Kids) > 0:
				walk(k, p)
			case len(k.Items) > 0 && hasMaps(k.Items):
				for _, it := range k.Items {
					walk(it, p)
				}
			default:
				out = append(out, Leaf{Path: p, Offset: k.Offset})
			}
		}
	}
	walk(n, nil)
	return dedupe(out)
}

func hasMaps(items []*Node) bool {
	for _, it := range items {
		if len(it.Kids) > 0 {
			return true
		}
	}
	return false
}

func dedupe(ls []Leaf) []Leaf {
	seen := map[string]bool{}
	out := ls[:0]
	for _, l := range ls {
		k := strings.Join(l.Path, "\x00")
		if !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	return out
}

// Parse reads a snippet.
func Parse(f Format, src string) (*Node, error) {
	switch f {
	case YAML:
		return parseYAML(src)
	case JSON:
		// strict JSON first; JSON is YAML too, once its comments, trailing
		// commas and tabs are blanked (JSONC and JSON5 snippets are common
		// in docs)
		if n, err := parseJSON(src); err == nil || errors.Is(err, errTooManyNodes) {
			return n, err
		}
		n, err := parseYAML(src)
		if err != nil {
			if m, err2 := parseYAML(jsonAsYAML(src)); err2 == nil {
				return m, nil
			}
		}
		return n, err
	case TOML:
		return parseTOML(src)
	case INI:
		return parseINI(src)
	case Properties:
		return parseProperties(src)
	case Env:
		return parseEnv(src)
	case XML:
		return parseXML(src)
	case HCL:
		return parseHCL(src)
	}
	return nil, fmt.Errorf("unknown config format")
}

// optionalLineRE finds a line of the notation Prometheus-style reference
// pages use for optional settings: "  [ smtp_from: <tmpl_string> ]",
// "[ - <matcher> ... ]".
var optionalLineRE = regexp.MustCompile(`(?m)^([ \t]*)\[( [^\n]*?[ \t]*)\]([ \t]*(?:#[^\n]*)?)$`)

// unbracket drops the brackets of optional-setting lines, so that the
// rest reads as YAML: "  [ key: <type> ]" is "  key: <type>", at the
// indentation of the plain keys beside it. shift is how many bytes each
// line lost before its content, to map positions back.
func unbracket(src string) (out string, shift []int) {
	if !strings.Contains(src, "[ ") {
		return src, nil
	}
	lines := strings.SplitAfter(src, "\n")
	shift = make([]int, len(lines))
	var b strings.Builder
	for i, l := range lines {
		body := strings.TrimRight(l, "\n")
		if m := optionalLineRE.FindStringSubmatch(body); m != nil {
			b.WriteString(m[1] + m[2][1:] + m[3] + l[len(body):])
			shift[i] = 2
			continue
		}
		b.WriteString(l)
	}
	return b.String(), shift
}

// elisionRE finds a line that stands for lines left out: "[...]", "...",
// "…", "# ...". YAML reads "..." as the end of the document and "[...]"
// as a broken sequence, so they are blanked before parsing.
var elisionRE = regexp.MustCompile(`(?m)^[ \t]*(?:\[[ \t]*(?:\.\.\.|…)[ \t]*\]|\.\.\.|…)[ \t]*$`)

func blankElisions(src string) string {
	if !strings.Contains(src, "...") && !strings.Contains(src, "…") {
		return src
	}
	return elisionRE.ReplaceAllStringFunc(src, func(l string) string { return strings.Repeat(" ", len(l)) })
}

// LooseError is a YAML snippet that does not parse, returned with the
// keys read from it line by line, by indentation.
type LooseError struct{ Err error }

func (e *LooseError) Error() string { return e.Err.Error() }
func (e *LooseError) Unwrap() error { return e.Err }

func parseYAML(orig string) (*Node, error) {
	orig = blankElisions(orig)
	src, shift := unbracket(orig)
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		if shift != nil {
			// reference notation is a schema, not data ("[ group_by: '['
			// <labelname>, ... ']' ]"): its keys are read line by line
			return yamlKeyLines(orig), nil
		}
		// a doc's sample with one slip (a doubled quote, a tab) still
		// names its keys: they are read by indentation, and the slip is
		// reported
		return yamlKeyLines(orig), &LooseError{Err: err}
	}
	lines, origLines := lineStarts(src), lineStarts(orig)
	// offset is the byte offset in orig of a line and column of src. Nodes
	// come in order, so a cursor on the last line and column keeps a
	// minified document's one long line from being walked once a key.
	curLine, curCol, curByte := 0, 0, 0
	offset := func(line, col int) int {
		if line < 1 || line > len(lines) || line > len(origLines) {
			return -1
		}
		start := lines[line-1]
		i, c := start, 1
		if line == curLine && col >= curCol {
			i, c = curByte, curCol
		}
		for ; c < col && i < len(src) && src[i] != '\n'; c++ {
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
		}
		curLine, curCol, curByte = line, c, i
		if shift != nil {
			return origLines[line-1] + i - start + shift[line-1]
		}
		return i
	}
	root := &Node{Offset: -1, ScalarOffset: -1}
	if len(doc.Content) == 0 {
		return root, nil
	}
	// aliases are followed one level deep and within a node budget: a
	// 30-byte snippet of anchors that refer to each other (a: &a [*a, *a])
	// expands into more nodes than there are atoms
	budget, inAlias := maxNodes, false
	var conv func(y *yaml.Node, into *Node, depth int)
	conv = func(y *yaml.Node, into *Node, depth int) {
		if depth > 64 || budget <= 0 {
			return
		}
		budget--
		switch y.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(y.Content); i += 2 {
				k, v := y.Content[i], y.Content[i+1]
				if k.Kind != yaml.ScalarNode {
					continue
				}
				if k.Value == "<<" { // a merge key: its mapping's keys belong here
					conv(v, into, depth+1)
					continue
				}
				kid := &Node{Key: k.Value, Offset: keyOffset(orig, offset(k.Line, k.Column), k.Value), ScalarOffset: -1}
				conv(v, kid, depth+1)
				into.Kids = append(into.Kids, kid)
			}
		case yaml.SequenceNode:
			for _, item := range y.Content {
				it := &Node{Offset: -1, ScalarOffset: -1}
				conv(item, it, depth+1)
				into.Items = append(into.Items, it)
			}
		case yaml.ScalarNode:
			into.Scalar = y.Value
			into.ScalarOffset = keyOffset(orig, offset(y.Line, y.Column), y.Value)
		case yaml.AliasNode:
			if y.Alias != nil && !inAlias {
				inAlias = true
				conv(y.Alias, into, depth+1)
				inAlias = false
			}
		case yaml.DocumentNode:
			for _, c := range y.Content {
				conv(c, into, depth+1)
			}
		}
	}
	conv(doc.Content[0], root, 0)
	if budget <= 0 {
		return nil, fmt.Errorf("it expands to more than %d keys and values (YAML aliases)", maxNodes)
	}
	return root, nil
}

// maxNodes bounds the keys and values one snippet may expand to: far
// more than any real snippet has, far fewer than an alias bomb makes.
const maxNodes = 100_000

// keyOffset moves past an opening quote, so that the offset is the name's.
func keyOffset(src string, off int, value string) int {
	if off >= 0 && off < len(src) && (src[off] == '"' || src[off] == '\'') && !strings.HasPrefix(value, src[off:off+1]) {
		return off + 1
	}
	return off
}

func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func parseTOML(src string) (*Node, error) {
	var p unstable.Parser
	p.Reset([]byte(src))
	root := &Node{Offset: -1, ScalarOffset: -1}
	table := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = root
			it := e.Key()
			for it.Next() {
				k := it.Node()
				table = child(table, string(k.Data), int(k.Raw.Offset))
			}
		case unstable.KeyValue:
			n := table
			it := e.Key()
			for it.Next() {
				k := it.Node()
				n = child(n, string(k.Data), int(k.Raw.Offset))
			}
			if v := e.Value(); v != nil && v.Kind == unstable.InlineTable {
				tomlInline(v, n)
			} else if v != nil {
				n.Scalar = string(v.Data)
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	return root, nil
}

func tomlInline(v *unstable.Node, into *Node) {
	kids := v.Children()
	for kids.Next() {
		kv := kids.Node()
		if kv.Kind != unstable.KeyValue {
			continue
		}
		n := into
		it := kv.Key()
		for it.Next() {
			k := it.Node()
			n = child(n, string(k.Data), int(k.Raw.Offset))
		}
		if val := kv.Value(); val != nil && val.Kind == unstable.InlineTable {
			tomlInline(val, n)
		}
	}
}

// child finds or adds the kid of n with key k.
func child(n *Node, k string, off int) *Node {
	if c := n.Get(k); c != nil {
		return c
	}
	c := &Node{Key: k, Offset: off, ScalarOffset: -1}
	n.Kids = append(n.Kids, c)
	return c
}

var (
	iniSectionRE = regexp.MustCompile(`^\s*\[\s*([^\]\s]+)\s*\]\s*$`)
	iniKeyRE     = regexp.MustCompile(`^(\s*)([A-Za-z0-9_][A-Za-z0-9_.\-]*)\s*[=:]`)
	propKeyRE    = regexp.MustCompile(`^(\s*)([A-Za-z0-9_][A-Za-z0-9_.\-]*)\s*([=:]|\s)`)
	envKeyRE     = regexp.MustCompile(`^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=`)
)

// eachLine calls fn with every line and its byte offset.
func eachLine(src string, fn func(line string, off int)) {
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	off := 0
	for sc.Scan() {
		line := sc.Text()
		fn(line, off)
		off += len(line) + 1
	}
}

func isComment(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || t[0] == '#' || t[0] == ';' || t[0] == '!'
}

// yamlKeyLineRE finds the key of a line of a YAML-like schema, optional
// ("[ key: <type> ]") or a list item's ("- key: <type>").
var yamlKeyLineRE = regexp.MustCompile(`^([ \t]*)(?:\[[ \t]*)?(?:-[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)`)

// yamlKeyLines reads the keys of a YAML-like schema that is not YAML, by
// indentation: a key nests under the last key less indented than it.
func yamlKeyLines(src string) *Node {
	root := &Node{Offset: -1, ScalarOffset: -1}
	type open struct {
		indent int
		node   *Node
	}
	stack := []open{{-1, root}}
	eachLine(src, func(line string, off int) {
		if isComment(line) {
			return
		}
		m := yamlKeyLineRE.FindStringSubmatchIndex(line)
		if m == nil {
			return
		}
		indent := m[3]
		if strings.Contains(line[m[3]:m[4]], "-") {
			indent = m[4] // a list item's keys nest at the column after its dash
		}
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		kid := child(stack[len(stack)-1].node, line[m[4]:m[5]], off+m[4])
		stack = append(stack, open{indent, kid})
	})
	return root
}

// parseINI reads [section] headers and key = value lines. Dotted section
// names nest: [server.tls] cert = x gives server.tls.cert.
func parseINI(src string) (*Node, error) {
	root := &Node{Offset: -1, ScalarOffset: -1}
	section := root
	eachLine(src, func(line string, off int) {
		if isComment(line) {
			return
		}
		if m := iniSectionRE.FindStringSubmatchIndex(line); m != nil {
			section = root
			name := line[m[2]:m[3]]
			pos := off + m[2]
			for _, part := range strings.Split(name, ".") {
				section = child(section, part, pos)
				pos += len(part) + 1
			}
			return
		}
		if m := iniKeyRE.FindStringSubmatchIndex(line); m != nil {
			child(section, line[m[4]:m[5]], off+m[4])
		}
	})
	return root, nil
}

// parseProperties reads Java properties: dotted keys nest.
func parseProperties(src string) (*Node, error) {
	root := &Node{Offset: -1, ScalarOffset: -1}
	eachLine(src, func(line string, off int) {
		if isComment(line) {
			return
		}
		if m := propKeyRE.FindStringSubmatchIndex(line); m != nil {
			n := root
			pos := off + m[4]
			for _, part := range strings.Split(line[m[4]:m[5]], ".") {
				n = child(n, part, pos)
				pos += len(part) + 1
			}
		}
	})
	return root, nil
}

// parseEnv reads KEY=value lines, with or without export.
func parseEnv(src string) (*Node, error) {
	root := &Node{Offset: -1, ScalarOffset: -1}
	eachLine(src, func(line string, off int) {
		if isComment(line) {
			return
		}
		if m := envKeyRE.FindStringSubmatchIndex(line); m != nil {
			child(root, line[m[4]:m[5]], off+m[4])
		}
	})
	return root, nil
}

// jsonAsYAML makes a JSON, JSONC or JSON5-ish snippet readable by the YAML
// parser without moving a byte: comments (// and /* */) and trailing
// commas become spaces, and tabs become spaces (YAML forbids a tab where
// JSON allows any white space). Strings are kept as they are.
func jsonAsYAML(src string) string {
	b := []byte(src)
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '\t':
			b[i] = ' '
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			for ; i < len(b) && !(b[i] == '*' && i+1 < len(b) && b[i+1] == '/'); i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			if i+1 < len(b) {
				b[i], b[i+1] = ' ', ' '
				i++
			}
		case c == ',':
			// a comma with only space before the closing bracket
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				b[i] = ' '
			}
		}
	}
	return string(b)
}
