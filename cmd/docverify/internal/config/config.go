// Package config reads a repository's .docverify.yml: which files to check,
// which names belong to other programs, rule severities, additions to the
// safety vocabulary, in-house read sites and env-name conventions.
//
// Every mistake in the file is reported with its line and column and, for a
// misspelt key or value, the nearest valid one, in the way compilers report
// errors: the file is small, and a config that silently ignores a typo
// turns a rule off without anyone knowing.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
)

// Names are the file names looked for at the root, in order.
var Names = []string{".docverify.yml", ".docverify.yaml"}

// Config is a repository's configuration. The zero value is the default.
type Config struct {
	Path string // the file it was read from; "" when there is none

	Docs   Files
	Source Files
	// Changelogs checks changelogs and release notes too (see
	// --include-changelogs); nil leaves the command line to decide.
	Changelogs *bool
	// Copies checks translations and old versions of docs too (see
	// --include-copies); nil leaves the command line to decide.
	Copies *bool

	External External
	// Rules sets rule severities by ID: "error", "warning", "info" or
	// "off". Slugs in the file are turned into IDs.
	Rules map[string]string
	// Safety adds words and phrases to the safety vocabulary.
	Safety    []string
	ReadSites []ReadSite
	Env       []EnvRule
}

// Files narrows a set of files with doublestar globs relative to the root.
// An empty Include means every file.
type Files struct {
	Include []string
	Exclude []string
}

// Match reports whether a slash path relative to the root is selected.
func (f Files) Match(p string) bool {
	if len(f.Include) > 0 && !anyGlob(f.Include, p) {
		return false
	}
	return !anyGlob(f.Exclude, p)
}

func anyGlob(globs []string, p string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
		// a pattern naming a directory covers what is under it
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", p); ok {
			return true
		}
	}
	return false
}

// External lists names that belong to other programs: exact names, and
// patterns where * matches any run of characters and ? one.
type External struct {
	Names    []string
	Patterns []string
}

// ReadSite teaches docverify an in-house read idiom: a call of a function
// with a literal name argument, or a tree-sitter query with the standard
// captures (@env.read, @config.read, …).
type ReadSite struct {
	Lang string
	// Call is the callee as written, dotted ("flags.Enabled",
	// "Settings.get"); a segment may be *.
	Call string
	Arg  int    // the argument that holds the name, from 0
	Kind string // env, flag, config or feature (for Call)
	// Query is a tree-sitter query in the language's grammar; Needles are
	// strings one of which a file must contain to be worth parsing with
	// it (without them, every file of the language is parsed).
	Query   string
	Needles []string
	Line    int // where the entry starts in the file, for errors
	// QueryLine and QueryCol are where the query text starts in the
	// file, so that its mistakes can be placed.
	QueryLine, QueryCol int
}

// EnvRule says how the code builds env names when docverify does not
// detect it: Prefix + the config key or flag name, with dots (and dashes)
// replaced by Separator, in Case.
type EnvRule struct {
	Prefix    string
	From      string // "config" or "flag"
	Separator string
	Case      string // "upper", "lower" or "keep"
	Line      int
}

// Error is one mistake in a configuration file.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Find returns the configuration file at root, or "" when there is none.
func Find(root string) string {
	for _, n := range Names {
		p := filepath.Join(root, n)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}

// Schema is what a configuration may name, from the parts of docverify
// that define it (config stays a leaf package).
type Schema struct {
	Langs []string          // languages read sites may name
	Rules map[string]string // every rule ID and slug, to its ID
}

// maxFileSize bounds a configuration file read by Load.
const maxFileSize = 4 << 20

// Load reads and checks a configuration file. The error, if any, lists
// every mistake.
func Load(file string, s Schema) (*Config, error) {
	src, err := safefile.Read(file, maxFileSize)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: file, Msg: err.Error()}
	}
	return Parse(file, src, s)
}

// Parse checks the text of a configuration file; file is the name errors
// carry.
func Parse(file string, src []byte, s Schema) (*Config, error) {
	p := &parser{src: src, file: file, schema: s, cfg: &Config{Path: file}}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return p.cfg, nil // an empty file is the default
		}
		return nil, yamlError(file, src, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return p.cfg, nil
	}
	p.top(doc.Content[0])
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		errs := make([]error, len(p.errs))
		for i, e := range p.errs {
			errs[i] = e
		}
		return nil, errors.Join(errs...)
	}
	return p.cfg, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the YAML library's "yaml: line 3: …" into file:3: ….
func yamlError(file string, src []byte, err error) error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		e := &Error{File: file, Line: line, Col: 1, Msg: "not valid YAML: " + m[2]}
		if lines := bytes.Split(src, []byte("\n")); line <= len(lines) && bytes.HasPrefix(bytes.TrimLeft(lines[line-1], " "), []byte("\t")) {
			e.Msg += " (YAML indents with spaces, not tabs)"
		}
		return e
	}
	return &Error{File: file, Msg: "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// shape is the file's structure. Its yaml tags are the one list of the
// keys a configuration may have: the parser takes each level's keys from
// here (keysOf), so a key is added in one place.
type shape struct {
	Version   int               `yaml:"version"`
	Docs      docsShape         `yaml:"docs"`
	Source    filesShape        `yaml:"source"`
	External  externalShape     `yaml:"external"`
	Rules     map[string]string `yaml:"rules"`
	Safety    []string          `yaml:"safety"`
	ReadSites []readSiteShape   `yaml:"read-sites"`
	Env       []envShape        `yaml:"env"`
}

type docsShape struct {
	Include    []string `yaml:"include"`
	Exclude    []string `yaml:"exclude"`
	Changelogs bool     `yaml:"changelogs"`
	Copies     bool     `yaml:"copies"`
}

type filesShape struct {
	Include []string `yaml:"include"`
	Exclude []string `yaml:"exclude"`
}

type externalShape struct {
	Names    []string `yaml:"names"`
	Patterns []string `yaml:"patterns"`
}

type readSiteShape struct {
	Lang    string   `yaml:"lang"`
	Call    string   `yaml:"call"`
	Arg     int      `yaml:"arg"`
	Kind    string   `yaml:"kind"`
	Query   string   `yaml:"query"`
	Needles []string `yaml:"needles"`
}

type envShape struct {
	Prefix    string `yaml:"prefix"`
	From      string `yaml:"from"`
	Separator string `yaml:"separator"`
	Case      string `yaml:"case"`
}

// keysOf lists the yaml keys of a shape, in field order.
func keysOf(v any) []string {
	t := reflect.TypeOf(v)
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" {
			out = append(out, k)
		}
	}
	return out
}

type parser struct {
	src    []byte
	file   string
	schema Schema
	cfg    *Config
	errs   []*Error
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// mapping walks a mapping node, reporting keys not in known (with the
// nearest one) and calling fn for the others.
func (p *parser) mapping(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping of keys to values", where)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !contains(known, k.Value) {
			p.errorf(k, "unknown key %q in %s%s", k.Value, where, suggest(k.Value, known))
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "%q is set twice in %s", k.Value, where)
			continue
		}
		seen[k.Value] = true
		if v.Tag == "!!null" {
			continue // "key:" with nothing after it, as in the starter config, is unset
		}
		fn(k.Value, k, v)
	}
}

func (p *parser) top(n *yaml.Node) {
	p.mapping(n, "the configuration", keysOf(shape{}), func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			if v.Value != "1" {
				p.errorf(v, "version %q is not supported (want 1)", v.Value)
			}
		case "docs":
			p.mapping(v, "docs", keysOf(docsShape{}), func(key string, _, v *yaml.Node) {
				switch key {
				case "changelogs":
					b := p.boolean(v, "docs.changelogs")
					p.cfg.Changelogs = &b
				case "copies":
					b := p.boolean(v, "docs.copies")
					p.cfg.Copies = &b
				default:
					p.globs(v, "docs."+key, p.filesField(&p.cfg.Docs, key))
				}
			})
		case "source":
			p.mapping(v, "source", keysOf(filesShape{}), func(key string, _, v *yaml.Node) {
				p.globs(v, "source."+key, p.filesField(&p.cfg.Source, key))
			})
		case "external":
			p.mapping(v, "external", keysOf(externalShape{}), func(key string, _, v *yaml.Node) {
				switch key {
				case "names":
					p.cfg.External.Names = p.strings(v, "external.names")
				case "patterns":
					for _, s := range p.stringNodes(v, "external.patterns") {
						if _, err := path.Match(s.Value, ""); err != nil {
							p.errorf(s, "external.patterns: %q is not a valid pattern (* matches any characters, ? one, [..] a class)", s.Value)
							continue
						}
						p.cfg.External.Patterns = append(p.cfg.External.Patterns, s.Value)
					}
				}
			})
		case "rules":
			p.rules(v)
		case "safety":
			for _, s := range p.stringNodes(v, "safety") {
				if strings.TrimSpace(s.Value) == "" {
					p.errorf(s, "safety: an empty word matches everything")
					continue
				}
				p.cfg.Safety = append(p.cfg.Safety, s.Value)
			}
		case "read-sites":
			p.readSites(v)
		case "env":
			p.envRules(v)
		}
	})
}

func (p *parser) filesField(f *Files, key string) *[]string {
	if key == "include" {
		return &f.Include
	}
	return &f.Exclude
}

func (p *parser) globs(v *yaml.Node, where string, dst *[]string) {
	for _, s := range p.stringNodes(v, where) {
		if !doublestar.ValidatePattern(s.Value) {
			p.errorf(s, "%s: %q is not a valid glob", where, s.Value)
			continue
		}
		*dst = append(*dst, strings.TrimPrefix(s.Value, "./"))
	}
}

// Severities are the values a rule may be set to.
var Severities = []string{"error", "warning", "info", "off"}

func (p *parser) rules(n *yaml.Node) {
	var names []string
	for k := range p.schema.Rules {
		names = append(names, k)
	}
	sort.Strings(names)
	p.mapping(n, "rules", names, func(key string, k, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || !contains(Severities, v.Value) {
			p.errorf(v, "rules.%s: %q is not a severity (want %s)%s", key, v.Value, orList(Severities), suggest(v.Value, Severities))
			return
		}
		if p.cfg.Rules == nil {
			p.cfg.Rules = map[string]string{}
		}
		id := p.schema.Rules[key]
		if _, dup := p.cfg.Rules[id]; dup {
			p.errorf(k, "rules: %s is set twice (by ID and by name)", id)
			return
		}
		p.cfg.Rules[id] = v.Value
	})
}

// Kinds are the kinds of name a read site may read.
var Kinds = []string{"env", "flag", "config", "feature"}

func (p *parser) readSites(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "read-sites must be a list")
		return
	}
	for _, item := range n.Content {
		rs := ReadSite{Line: item.Line}
		var kindNode, callNode *yaml.Node
		p.mapping(item, "a read site", keysOf(readSiteShape{}), func(key string, k, v *yaml.Node) {
			switch key {
			case "lang":
				rs.Lang = p.scalar(v, "read-sites.lang")
				if rs.Lang != "" && !contains(p.schema.Langs, rs.Lang) {
					p.errorf(v, "read-sites: unknown language %q (want one of %s)%s", rs.Lang, strings.Join(p.schema.Langs, ", "), suggest(rs.Lang, p.schema.Langs))
					rs.Lang = ""
				}
			case "call":
				callNode = v
				rs.Call = p.scalar(v, "read-sites.call")
			case "arg":
				a, err := strconv.Atoi(v.Value)
				if err != nil || a < 0 || v.Kind != yaml.ScalarNode {
					p.errorf(v, "read-sites.arg: %q is not an argument index (0 is the first argument)", v.Value)
				}
				rs.Arg = a
			case "kind":
				kindNode = v
				rs.Kind = p.scalar(v, "read-sites.kind")
				p.oneOf(v, "read-sites.kind", "a kind", Kinds)
			case "query":
				rs.Query = p.scalar(v, "read-sites.query")
				rs.QueryLine, rs.QueryCol = v.Line, v.Column
				if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
					// a block scalar starts on the next line, at its indentation
					rs.QueryLine++
					rs.QueryCol = p.indentOf(rs.QueryLine) + 1
				}
			case "needles":
				rs.Needles = p.strings(v, "read-sites.needles")
			}
		})
		switch {
		case item.Kind != yaml.MappingNode:
			continue
		case rs.Lang == "" && !p.hasKey(item, "lang"):
			p.errorf(item, "a read site needs lang: the language whose code it reads (%s)", strings.Join(p.schema.Langs, ", "))
		case rs.Call == "" && rs.Query == "":
			p.errorf(item, "a read site needs call: (a function such as flags.Enabled) or query: (a tree-sitter query)")
		case rs.Call != "" && rs.Query != "":
			p.errorf(callNode, "a read site has call: or query:, not both")
		case rs.Call != "" && kindNode == nil:
			p.errorf(callNode, "read-sites: call %q needs kind: what it reads (env, flag, config or feature)", rs.Call)
		case rs.Call != "" && !callRE.MatchString(rs.Call):
			p.errorf(callNode, "read-sites.call: %q is not a function name (a dotted name such as flags.Enabled; a segment may be *)", rs.Call)
		}
		p.cfg.ReadSites = append(p.cfg.ReadSites, rs)
	}
}

var callRE = regexp.MustCompile(`^(\*|[\pL_$][\pL\pN_$]*)(\.(\*|[\pL_$][\pL\pN_$]*))*$`)

func (p *parser) hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

var (
	envFrom  = []string{"config", "flag"}
	envCases = []string{"upper", "lower", "keep"}
)

func (p *parser) envRules(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "env must be a list of rules")
		return
	}
	for _, item := range n.Content {
		r := EnvRule{From: "config", Separator: "_", Case: "upper", Line: item.Line}
		p.mapping(item, "an env rule", keysOf(envShape{}), func(key string, k, v *yaml.Node) {
			val := p.scalar(v, "env."+key)
			switch key {
			case "prefix":
				r.Prefix = val
			case "from":
				p.oneOf(v, "env.from", "a source of names", envFrom)
				r.From = val
			case "separator":
				r.Separator = val
			case "case":
				p.oneOf(v, "env.case", "a case", envCases)
				r.Case = val
			}
		})
		if item.Kind == yaml.MappingNode && r.Prefix == "" {
			p.errorf(item, "an env rule needs prefix: what the code puts before every name (MYAPP_)")
		}
		p.cfg.Env = append(p.cfg.Env, r)
	}
}

// indentOf is the number of leading spaces of a line of the file.
func (p *parser) indentOf(line int) int {
	lines := bytes.Split(p.src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return 0
	}
	l := lines[line-1]
	return len(l) - len(bytes.TrimLeft(l, " "))
}

// oneOf reports a value that is not one of valid, naming the nearest.
func (p *parser) oneOf(v *yaml.Node, where, noun string, valid []string) {
	if v.Kind == yaml.ScalarNode && !contains(valid, v.Value) {
		p.errorf(v, "%s: %q is not %s (want %s)%s", where, v.Value, noun, orList(valid), suggest(v.Value, valid))
	}
}

// orList is "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func (p *parser) scalar(v *yaml.Node, where string) string {
	if v.Kind != yaml.ScalarNode {
		p.errorf(v, "%s must be a single value", where)
		return ""
	}
	return v.Value
}

func (p *parser) boolean(v *yaml.Node, where string) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		p.errorf(v, "%s must be true or false", where)
	}
	return b
}

// stringNodes reads a list of strings; a single string counts as a list of
// one, as in most YAML configs.
func (p *parser) stringNodes(v *yaml.Node, where string) []*yaml.Node {
	switch v.Kind {
	case yaml.ScalarNode:
		return []*yaml.Node{v}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, s := range v.Content {
			if s.Kind != yaml.ScalarNode {
				p.errorf(s, "%s must be a list of strings", where)
				continue
			}
			out = append(out, s)
		}
		return out
	}
	p.errorf(v, "%s must be a list of strings", where)
	return nil
}

func (p *parser) strings(v *yaml.Node, where string) []string {
	var out []string
	for _, s := range p.stringNodes(v, where) {
		out = append(out, s.Value)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest names the nearest valid word, when one is close enough to be a
// typo of it.
func suggest(got string, valid []string) string {
	best, bestD := "", 0
	for _, v := range valid {
		d := levenshtein.ComputeDistance(strings.ToLower(got), strings.ToLower(v))
		if got != "" && strings.HasPrefix(v, got) {
			d = min(d, 1) // an abbreviation: "warn" for "warning"
		}
		if best == "" || d < bestD {
			best, bestD = v, d
		}
	}
	if best == "" || bestD > max(2, len(got)/3) && !strings.HasPrefix(best, got) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// Starter is the commented configuration that docverify init writes.
//
//go:embed starter.yml
var Starter []byte
