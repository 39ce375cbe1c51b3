// Package python teaches docverify to read Python: os.environ and getenv
// reads, argparse/click/typer/absl flags, configparser and pydantic
// settings (with env_prefix and nested delimiters), feature-flag SDK
// calls, and console scripts and __main__ blocks as programs.
package python

import (
	_ "embed"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Python language.
var Spec = &lang.Spec{
	Name:  "python",
	Title: "Python",
	Idioms: lang.Idioms{
		Env:      "`os.environ`, `os.getenv`, environs, python-decouple, pydantic settings (`env_prefix`, nested delimiter)",
		Flags:    "argparse, click (`envvar`, `auto_envvar_prefix`), typer, absl, cleo",
		Config:   "pydantic models, configparser, traitlets `config=True`",
		Features: "OpenFeature, LaunchDarkly, Unleash, GrowthBook, Split, Flipt",
		Programs: "`pyproject.toml` and `setup.cfg` scripts, `requirements*.txt`",
	},
	Extensions:   []string{".py", ".pyw"},
	Interpreters: []string{"python", "python2", "python3", "pypy", "pypy3"},
	Grammar:      python.GetLanguage,
	Queries:      queries,
	Needles: []string{"environ", "getenv", "config=True", `"_", "-"`, `'_', '-'`, "upper()", "add_argument", "click", "typer", "Option", "BaseSettings", "BaseModel",
		"__main__", "DEFINE_", "envvar", "config", "env.", "env(", "variation", "is_enabled", "get_variant", "_value(",
		"_details(", "is_on", "is_off", "feature", "treatment", "flag_key", "entry_points", "command", "dataclass", "@define", "@frozen", "@attr.s", "'--", "\"--"},
	IsTest:   isTest,
	Value:    value,
	Function: function,
	Program: func(p string, _ lang.Project) string {
		base := path.Base(p)
		if base == "__main__.py" {
			return path.Base(path.Dir(p))
		}
		return strings.TrimSuffix(base, path.Ext(base))
	},
	Custom: map[string]lang.Handler{
		"python.model":        model,
		"python.entry_points": entryPoints,
		"python.traitlet":     traitlet,
	},
	Manifests: map[string]lang.Manifest{"pyproject.toml": pyproject, "setup.cfg": setupCfg, "requirements*.txt": requirements},
}

func isTest(p string) bool {
	base := path.Base(p)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || base == "conftest.py" {
		return true
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if seg == "tests" || seg == "test" {
			return true
		}
	}
	return false
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string":
		return stringParts(n, src)
	case "concatenated_string":
		var out []lang.Part
		for i := 0; i < int(n.NamedChildCount()); i++ {
			out = append(out, value(n.NamedChild(i), src)...)
		}
		return out
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "attribute":
		if a := n.ChildByFieldName("attribute"); a != nil {
			return []lang.Part{{Ref: a.Content(src)}}
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	case "binary_operator":
		op := n.ChildByFieldName("operator")
		left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		switch {
		case op == nil || left == nil || right == nil:
		case op.Content(src) == "+":
			return append(value(left, src), value(right, src)...)
		case op.Content(src) == "%" && left.Type() == "string":
			if lit, ok := literal(left, src); ok {
				return format(lit, percentRE)
			}
		}
	case "call":
		// "{}_X".format(p)
		fn := n.ChildByFieldName("function")
		if fn != nil && fn.Type() == "attribute" {
			obj, attr := fn.ChildByFieldName("object"), fn.ChildByFieldName("attribute")
			if obj != nil && attr != nil && obj.Type() == "string" && attr.Content(src) == "format" {
				if lit, ok := literal(obj, src); ok {
					return format(lit, braceRE)
				}
			}
		}
	}
	return []lang.Part{{Unknown: true}}
}

// stringParts reads a string literal; the expressions of an f-string are
// computed parts.
func stringParts(n *sitter.Node, src []byte) []lang.Part {
	var out []lang.Part
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch c.Type() {
		case "string_content":
			out = append(out, lang.Part{Lit: c.Content(src)})
		case "escape_sequence":
			s, err := strconv.Unquote(`"` + c.Content(src) + `"`)
			if err != nil {
				s = c.Content(src)
			}
			out = append(out, lang.Part{Lit: s})
		case "interpolation":
			if e := c.ChildByFieldName("expression"); e != nil && e.Type() == "identifier" {
				out = append(out, lang.Part{Ref: e.Content(src)})
			} else {
				out = append(out, lang.Part{Unknown: true})
			}
		}
	}
	if len(out) == 0 {
		out = append(out, lang.Part{Lit: ""})
	}
	return out
}

func literal(n *sitter.Node, src []byte) (string, bool) {
	var b strings.Builder
	for _, p := range stringParts(n, src) {
		if p.Unknown {
			return "", false
		}
		b.WriteString(p.Lit)
	}
	return b.String(), true
}

var (
	percentRE = regexp.MustCompile(`%(\([^)]*\))?[-#0 +]*[0-9*]*(\.[0-9*]+)?[a-zA-Z]`)
	braceRE   = regexp.MustCompile(`\{[^{}]*\}`)
)

// format splits a %-format or str.format template into literal and
// computed parts.
func format(s string, verbs *regexp.Regexp) []lang.Part {
	var out []lang.Part
	last := 0
	for _, m := range verbs.FindAllStringIndex(s, -1) {
		if m[0] > last {
			out = append(out, lang.Part{Lit: s[last:m[0]]})
		}
		out = append(out, lang.Part{Unknown: true})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, lang.Part{Lit: s[last:]})
	}
	return out
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	var fn lang.Function
	var params *sitter.Node
	switch n.Type() {
	case "function_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			fn.Name = name.Content(src)
		}
		params = n.ChildByFieldName("parameters")
	case "lambda":
		// get = lambda key: os.environ.get(key)
		if p := n.Parent(); p != nil && p.Type() == "assignment" {
			if l := p.ChildByFieldName("left"); l != nil {
				fn.Name = l.Content(src)
			}
		}
		params = n.ChildByFieldName("parameters")
	default:
		return fn, false
	}
	if params == nil {
		return fn, true
	}
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		name := ""
		switch p.Type() {
		case "identifier":
			name = p.Content(src)
		case "typed_parameter":
			if p.NamedChildCount() > 0 {
				name = p.NamedChild(0).Content(src)
			}
		case "default_parameter", "typed_default_parameter":
			if nm := p.ChildByFieldName("name"); nm != nil {
				name = nm.Content(src)
			}
		default:
			name = "_"
		}
		if i == 0 && (name == "self" || name == "cls") {
			continue // a method's calls do not pass its receiver
		}
		fn.Params = append(fn.Params, name)
	}
	return fn, true
}

var typeNameRE = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// builtins are annotation names that are not structures.
var builtins = map[string]bool{"int": true, "str": true, "bool": true, "float": true, "bytes": true, "Optional": true,
	"List": true, "list": true, "Dict": true, "dict": true, "Set": true, "set": true, "Tuple": true, "tuple": true,
	"Union": true, "Any": true, "None": true, "Literal": true, "SecretStr": true, "SecretBytes": true, "HttpUrl": true,
	"AnyUrl": true, "PostgresDsn": true, "RedisDsn": true, "Path": true, "timedelta": true, "datetime": true,
	"Annotated": true, "Field": true, "typing": true, "pydantic": true, "ClassVar": true, "Sequence": true, "Mapping": true}

// model reads a pydantic BaseSettings or BaseModel class, or a dataclass
// named as a configuration (see queries.scm): each annotated
// field is a config key; for BaseSettings, each is also an environment
// variable, named by env_prefix and env_nested_delimiter (case-insensitive,
// as pydantic reads them), unless Field(alias=...) or env= names it.
func model(f *lang.File, class *sitter.Node) {
	name := class.ChildByFieldName("name")
	body := class.ChildByFieldName("body")
	supers := class.ChildByFieldName("superclasses")
	if name == nil || body == nil {
		return
	}
	owner := name.Content(f.Src)
	settings := supers != nil && strings.Contains(supers.Content(f.Src), "BaseSettings")
	prefix, nest, caseSensitive := "", "", false
	for i := 0; i < int(body.NamedChildCount()); i++ {
		st := body.NamedChild(i)
		switch st.Type() {
		case "expression_statement":
			if st.NamedChildCount() == 0 || st.NamedChild(0).Type() != "assignment" {
				continue
			}
			a := st.NamedChild(0)
			left, typ, right := a.ChildByFieldName("left"), a.ChildByFieldName("type"), a.ChildByFieldName("right")
			if left == nil || left.Type() != "identifier" {
				continue
			}
			key := left.Content(f.Src)
			if key == "model_config" && right != nil {
				p, n, cs := configKeywords(f, right)
				prefix, nest, caseSensitive = p, n, cs
				continue
			}
			if typ == nil || strings.HasPrefix(key, "_") || strings.Contains(typ.Content(f.Src), "ClassVar") {
				continue
			}
			fieldType := ""
			for _, t := range typeNameRE.FindAllString(typ.Content(f.Src), -1) {
				if !builtins[t] && t[0] >= 'A' && t[0] <= 'Z' {
					fieldType = t
				}
			}
			f.AddField(verify.Field{Owner: owner, Key: key, Type: fieldType, Site: f.Site(left), Via: "pydantic field"})
			if right != nil && settings {
				for _, env := range explicitEnv(f, right) {
					f.ReadName(verify.Env, env, left, "pydantic Field", false)
				}
			}
		case "class_definition":
			// class Config: env_prefix = "APP_" (pydantic v1)
			if n := st.ChildByFieldName("name"); n != nil && n.Content(f.Src) == "Config" {
				if b := st.ChildByFieldName("body"); b != nil {
					p, n, cs := configKeywords(f, b)
					prefix, nest, caseSensitive = p, n, cs
				}
			}
		}
	}
	if settings {
		d := verify.Derivation{Kind: verify.Env, From: verify.Config, Prefix: strings.ToUpper(prefix), Nest: nest, Scope: owner, Site: f.Site(name), Via: "pydantic BaseSettings " + owner}
		if caseSensitive {
			d.Prefix = prefix
		}
		f.Derive(d)
	}
}

// configKeywords reads env_prefix, env_nested_delimiter and case_sensitive
// from SettingsConfigDict(...) or a v1 Config class body.
func configKeywords(f *lang.File, n *sitter.Node) (prefix, nest string, caseSensitive bool) {
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			var k, v *sitter.Node
			switch c.Type() {
			case "keyword_argument":
				k, v = c.ChildByFieldName("name"), c.ChildByFieldName("value")
			case "assignment":
				k, v = c.ChildByFieldName("left"), c.ChildByFieldName("right")
			case "pair":
				k, v = c.ChildByFieldName("key"), c.ChildByFieldName("value")
			}
			if k != nil && v != nil {
				key := strings.Trim(k.Content(f.Src), `"'`)
				switch key {
				case "env_prefix":
					prefix, _ = f.Literal(v)
				case "env_nested_delimiter":
					nest, _ = f.Literal(v)
				case "case_sensitive":
					caseSensitive = v.Content(f.Src) == "True"
				}
			}
			walk(c)
		}
	}
	walk(n)
	return prefix, nest, caseSensitive
}

// explicitEnv reads Field(alias="X"), Field(validation_alias="X") and the
// v1 Field(env="X") of a settings field.
func explicitEnv(f *lang.File, right *sitter.Node) []string {
	if right.Type() != "call" {
		return nil
	}
	args := right.ChildByFieldName("arguments")
	if args == nil {
		return nil
	}
	var out []string
	for i := 0; i < int(args.NamedChildCount()); i++ {
		kw := args.NamedChild(i)
		if kw.Type() != "keyword_argument" {
			continue
		}
		k, v := kw.ChildByFieldName("name"), kw.ChildByFieldName("value")
		if k == nil || v == nil {
			continue
		}
		switch k.Content(f.Src) {
		case "alias", "validation_alias", "env":
			if s, ok := f.Literal(v); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

var scriptRE = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*=\s*[A-Za-z_][\w.]*(:[\w.]+)?`)

// entryPoints reads console scripts from setup(entry_points=...).
func entryPoints(f *lang.File, n *sitter.Node) {
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		if n.Type() == "string" {
			if s, ok := f.Literal(n); ok {
				if m := scriptRE.FindStringSubmatch(s); m != nil {
					f.Facts.Programs = append(f.Facts.Programs, verify.Program{Name: m[1], Site: f.Site(n), Via: "setup.py entry_points"})
				}
			}
			return
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			walk(n.NamedChild(i))
		}
	}
	walk(n)
}

var (
	tomlSectionRE = regexp.MustCompile(`^\s*\[([^\]]+)\]\s*$`)
	tomlKeyRE     = regexp.MustCompile(`^\s*"?([A-Za-z0-9][A-Za-z0-9_.-]*)"?\s*=`)
)

// pyproject reads [project.scripts], [project.gui-scripts] and
// [tool.poetry.scripts] for program names, and the project's dependencies
// (PEP 621 lists and Poetry tables).
func pyproject(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	progs := scriptSections(src, map[string]bool{"project.scripts": true, "project.gui-scripts": true, "tool.poetry.scripts": true}, "pyproject.toml scripts", tomlSectionRE, tomlKeyRE)
	var doc struct {
		Project struct {
			Dependencies         []string            `toml:"dependencies"`
			OptionalDependencies map[string][]string `toml:"optional-dependencies"`
		} `toml:"project"`
		DependencyGroups map[string][]any `toml:"dependency-groups"`
		Tool             struct {
			Poetry struct {
				Dependencies    map[string]any `toml:"dependencies"`
				DevDependencies map[string]any `toml:"dev-dependencies"`
			} `toml:"poetry"`
		} `toml:"tool"`
	}
	if toml.Unmarshal(src, &doc) != nil {
		return progs, nil
	}
	var specs []string
	specs = append(specs, doc.Project.Dependencies...)
	for _, group := range doc.Project.OptionalDependencies {
		specs = append(specs, group...)
	}
	for _, group := range doc.DependencyGroups {
		for _, d := range group {
			if s, ok := d.(string); ok {
				specs = append(specs, s)
			}
		}
	}
	for name := range doc.Tool.Poetry.Dependencies {
		specs = append(specs, name)
	}
	for name := range doc.Tool.Poetry.DevDependencies {
		specs = append(specs, name)
	}
	return progs, requirementNames(src, specs)
}

// requirementRE takes the project name from a requirement specifier:
// "watchfiles>=0.13", "uvicorn[standard] ; python_version > '3.8'".
var requirementRE = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

func requirementNames(src []byte, specs []string) []verify.Dependency {
	var out []verify.Dependency
	seen := map[string]bool{}
	for _, spec := range specs {
		m := requirementRE.FindStringSubmatch(spec)
		if m == nil || seen[m[1]] || m[1] == "python" {
			continue
		}
		seen[m[1]] = true
		out = append(out, verify.Dependency{Name: m[1], Site: siteOf(src, m[1])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// requirements reads a pip requirements file.
func requirements(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	var specs []string
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "-") {
			continue
		}
		specs = append(specs, line)
	}
	return nil, requirementNames(src, specs)
}

func siteOf(src []byte, text string) verify.Site {
	i := strings.Index(string(src), text)
	if i < 0 {
		return verify.Site{Line: 1, Col: 1}
	}
	line := strings.Count(string(src[:i]), "\n") + 1
	return verify.Site{Line: line, Col: i - strings.LastIndexByte(string(src[:i]), '\n')}
}

// setupCfg reads console_scripts under [options.entry_points].
func setupCfg(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	var out []verify.Program
	in := false
	for i, line := range strings.Split(string(src), "\n") {
		if m := tomlSectionRE.FindStringSubmatch(line); m != nil {
			in = strings.TrimSpace(m[1]) == "options.entry_points"
			continue
		}
		if !in {
			continue
		}
		if m := scriptRE.FindStringSubmatchIndex(line); m != nil && strings.HasPrefix(line, " ") || m != nil && strings.HasPrefix(line, "\t") {
			out = append(out, verify.Program{Name: line[m[2]:m[3]], Site: verify.Site{Line: i + 1, Col: m[2] + 1}, Via: "setup.cfg console_scripts"})
		}
	}
	return out, nil
}

func scriptSections(src []byte, sections map[string]bool, via string, sectionRE, keyRE *regexp.Regexp) []verify.Program {
	var out []verify.Program
	in := false
	for i, line := range strings.Split(string(src), "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			in = sections[strings.TrimSpace(m[1])]
			continue
		}
		if !in {
			continue
		}
		if m := keyRE.FindStringSubmatchIndex(line); m != nil {
			out = append(out, verify.Program{Name: line[m[2]:m[3]], Site: verify.Site{Line: i + 1, Col: m[2] + 1}, Via: via})
		}
	}
	return out
}

// traitlet reads a traitlets setting: an attribute of a class assigned a
// trait tagged config=True is the setting Class.attribute, which users
// set as c.Class.attribute in a config file or --Class.attribute on a
// command line.
func traitlet(f *lang.File, n *sitter.Node) {
	left := n.ChildByFieldName("left")
	if left == nil {
		return
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() != "class_definition" {
			continue
		}
		if name := p.ChildByFieldName("name"); name != nil {
			f.ReadName(verify.Config, name.Content(f.Src)+"."+left.Content(f.Src), left, "traitlets config=True", false)
		}
		return
	}
}
