// Package javascript teaches docverify to read JavaScript: process.env,
// import.meta.env and Deno.env reads; commander, yargs, parseArgs, meow
// and oclif flags; convict, t3-env, envalid and zod env schemas;
// feature-flag SDK calls; package.json bins and #! scripts as programs.
// The typescript package reuses its queries and value reading.
package javascript

import (
	_ "embed"
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/javascript"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var Queries string

// Needles is the prefilter shared with TypeScript.
var Needles = []string{"process.env", "import.meta.env", "Deno.env", "Bun.env", "ption(", ".options(", "parseArgs", "meow",
	"Flags.", "flags.", ".env(", "convict", "createEnv", "cleanEnv", "parse", "Value(", "Details(", "ariation", "isEnabled",
	"getVariant", "isOn", "isOff", "eature", "useFlag", "FlagValue", "getTreatment", "flagKey", "#!", "'--", "\"--", "default:", "description:", "toUpperCase", "[A-Z]", "/_/", "properties"}

// Custom are the handlers of the javascript.* captures, shared with TypeScript.
var Custom = map[string]lang.Handler{
	"javascript.convict":   convict,
	"javascript.createenv": createEnv,
	"javascript.envschema": envSchema,
	"javascript.option":    optionSchema,
	"javascript.schema":    jsonSchemaLiteral,
}

// Manifests are the JavaScript build manifests.
var Manifests = map[string]lang.Manifest{"package.json": packageJSON}

// Spec is the JavaScript language.
var Spec = &lang.Spec{
	Name:  "javascript",
	Title: "JavaScript",
	Idioms: lang.Idioms{
		Env:      "`process.env`, `import.meta.env`, `Deno.env`, `Bun.env`, t3-env, envalid, zod",
		Flags:    "commander, yargs, `parseArgs`, meow, oclif",
		Config:   "convict, option schema objects, JSON Schema object literals",
		Features: "OpenFeature, LaunchDarkly, Unleash, GrowthBook, Split, Flipt",
		Programs: "`package.json` `bin` and dependencies",
	},
	Extensions:   []string{".js", ".mjs", ".cjs", ".jsx"},
	Interpreters: []string{"node", "nodejs"},
	Grammar:      javascript.GetLanguage,
	Queries:      Queries,
	Needles:      Needles,
	IsTest:       IsTest,
	Value:        Value,
	Function:     Function,
	Program:      Program,
	Custom:       Custom,
	Manifests:    Manifests,
}

// IsTest recognises test files of the usual JavaScript runners.
func IsTest(p string) bool {
	base := path.Base(p)
	if strings.Contains(base, ".test.") || strings.Contains(base, ".spec.") || strings.Contains(base, ".e2e.") {
		return true
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		switch seg {
		case "__tests__", "__mocks__", "test", "tests", "e2e", "cypress", "playwright":
			return true
		}
	}
	return false
}

// Program names a #! script after its file.
func Program(p string, _ lang.Project) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

// Value reads a JavaScript or TypeScript expression used as a name.
func Value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string":
		return fragments(n, src)
	case "template_string":
		return fragments(n, src)
	case "property_identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern":
		return []lang.Part{{Lit: n.Content(src)}}
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "member_expression":
		if p := n.ChildByFieldName("property"); p != nil {
			return []lang.Part{{Ref: p.Content(src)}}
		}
	case "parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression", "type_assertion":
		if n.NamedChildCount() > 0 {
			return Value(n.NamedChild(0), src)
		}
	case "binary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && op.Content(src) == "+" {
			return append(Value(n.ChildByFieldName("left"), src), Value(n.ChildByFieldName("right"), src)...)
		}
	}
	return []lang.Part{{Unknown: true}}
}

// fragments reads a string or template literal; ${...} substitutions are
// computed parts, or references when they hold a bare name.
func fragments(n *sitter.Node, src []byte) []lang.Part {
	var out []lang.Part
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		switch c.Type() {
		case "string_fragment":
			out = append(out, lang.Part{Lit: c.Content(src)})
		case "escape_sequence":
			s, err := strconv.Unquote(`"` + c.Content(src) + `"`)
			if err != nil {
				s = strings.TrimPrefix(c.Content(src), `\`)
			}
			out = append(out, lang.Part{Lit: s})
		case "template_substitution":
			if c.NamedChildCount() == 1 && c.NamedChild(0).Type() == "identifier" {
				out = append(out, lang.Part{Ref: c.NamedChild(0).Content(src)})
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

// Function reports function definitions: declarations, methods, and
// function or arrow expressions with the name they are bound to.
func Function(n *sitter.Node, src []byte) (lang.Function, bool) {
	var fn lang.Function
	switch n.Type() {
	case "function_declaration", "generator_function_declaration", "method_definition":
		if name := n.ChildByFieldName("name"); name != nil {
			fn.Name = name.Content(src)
		}
	case "arrow_function", "function_expression", "function":
		if p := n.Parent(); p != nil {
			switch p.Type() {
			case "variable_declarator":
				if name := p.ChildByFieldName("name"); name != nil {
					fn.Name = name.Content(src)
				}
			case "pair":
				if k := p.ChildByFieldName("key"); k != nil {
					fn.Name = strings.Trim(k.Content(src), `"'`)
				}
			case "assignment_expression":
				if l := p.ChildByFieldName("left"); l != nil {
					fn.Name = l.Content(src)
					if i := strings.LastIndexByte(fn.Name, '.'); i >= 0 {
						fn.Name = fn.Name[i+1:]
					}
				}
			}
		}
	default:
		return fn, false
	}
	params := n.ChildByFieldName("parameters")
	if params == nil {
		if p := n.ChildByFieldName("parameter"); p != nil { // x => process.env[x]
			fn.Params = []string{p.Content(src)}
		}
		return fn, true
	}
	for i := 0; i < int(params.NamedChildCount()); i++ {
		p := params.NamedChild(i)
		name := "_"
		switch p.Type() {
		case "identifier":
			name = p.Content(src)
		case "assignment_pattern":
			if l := p.ChildByFieldName("left"); l != nil {
				name = l.Content(src)
			}
		case "required_parameter", "optional_parameter":
			if pat := p.ChildByFieldName("pattern"); pat != nil && pat.Type() == "identifier" {
				name = pat.Content(src)
			}
		case "comment":
			continue
		}
		fn.Params = append(fn.Params, name)
	}
	return fn, true
}

// descriptorKeys are the properties that describe an option in option
// schemas.
var descriptorKeys = map[string]bool{"type": true, "default": true, "description": true, "describe": true, "desc": true,
	"alias": true, "choices": true, "category": true, "deprecated": true, "hidden": true, "demandOption": true,
	"array": true, "oppositeDescription": true, "cliName": true, "cliCategory": true, "requiresArg": true, "nargs": true,
	"argument": true, "subcommands": true, "shorthand": true}

// optionSchema reads one entry of an option schema, { listDifferent: {
// type: "boolean", description: "..." } }: an object value with at least
// two option descriptors makes its key a config key and, kebab-cased as
// CLIs derive it, a flag (booleans also as --no-<flag>).
func optionSchema(f *lang.File, obj *sitter.Node) {
	pair := obj.Parent()
	if pair == nil || pair.Type() != "pair" {
		return
	}
	key := pair.ChildByFieldName("key")
	name, ok := f.Literal(key)
	if !ok || name == "" {
		return
	}
	descriptors, boolean := 0, false
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		p := obj.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		k, _ := f.Literal(p.ChildByFieldName("key"))
		if descriptorKeys[k] {
			descriptors++
		}
		if v := p.ChildByFieldName("value"); v != nil && (k == "type" && strings.Contains(v.Content(f.Src), "oolean") || k == "boolean" && v.Content(f.Src) == "true") {
			boolean = true
		}
	}
	if descriptors < 2 && !(descriptors == 1 && inOptionTable(f, pair)) {
		return
	}
	f.ReadName(verify.Config, name, key, "option schema", false)
	f.ReadName(verify.Flag, lang.Kebab(name), key, "option schema", boolean)
}

// inOptionTable reports whether an entry sits in an object of at least
// three entries described the same way ({ description: … } each): vitest's
// CLI table, where many options need nothing but a description.
func inOptionTable(f *lang.File, pair *sitter.Node) bool {
	table := pair.Parent()
	if table == nil || table.Type() != "object" {
		return false
	}
	described := 0
	for i := 0; i < int(table.NamedChildCount()) && described < 3; i++ {
		v := table.NamedChild(i).ChildByFieldName("value")
		if v == nil || v.Type() != "object" {
			continue
		}
		for j := 0; j < int(v.NamedChildCount()); j++ {
			if k, _ := f.Literal(v.NamedChild(j).ChildByFieldName("key")); k == "description" || k == "describe" {
				described++
				break
			}
		}
	}
	return described >= 3
}

// convict reads a convict schema: nested keys become dotted config keys;
// a key's env and arg properties are an env var and a flag.
func convict(f *lang.File, obj *sitter.Node) {
	var walk func(obj *sitter.Node, prefix string, depth int)
	walk = func(obj *sitter.Node, prefix string, depth int) {
		if depth > 16 {
			return
		}
		for i := 0; i < int(obj.NamedChildCount()); i++ {
			pair := obj.NamedChild(i)
			if pair.Type() != "pair" {
				continue
			}
			k, v := pair.ChildByFieldName("key"), pair.ChildByFieldName("value")
			if k == nil || v == nil || v.Type() != "object" {
				continue
			}
			key, ok := f.Literal(k)
			if !ok {
				continue
			}
			p := key
			if prefix != "" {
				p = prefix + "." + key
			}
			if !isConvictLeaf(f, v) {
				walk(v, p, depth+1)
				continue
			}
			f.ReadName(verify.Config, p, k, "convict schema", false)
			for j := 0; j < int(v.NamedChildCount()); j++ {
				prop := v.NamedChild(j)
				if prop.Type() != "pair" {
					continue
				}
				pk, pv := prop.ChildByFieldName("key"), prop.ChildByFieldName("value")
				name, ok := f.Literal(pk)
				if !ok {
					continue
				}
				switch name {
				case "env":
					if s, ok := f.Literal(pv); ok {
						f.ReadName(verify.Env, s, pv, "convict schema env", false)
					}
				case "arg":
					if s, ok := f.Literal(pv); ok {
						f.ReadName(verify.Flag, s, pv, "convict schema arg", false)
					}
				}
			}
		}
	}
	walk(obj, "", 0)
}

func isConvictLeaf(f *lang.File, obj *sitter.Node) bool {
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		if k := obj.NamedChild(i).ChildByFieldName("key"); k != nil {
			switch name, _ := f.Literal(k); name {
			case "doc", "format", "default", "env", "arg", "sensitive", "nullable":
				return true
			}
		}
	}
	return false
}

// envPrefixArg is a string that can only be the prefix of env names: the
// argument of runtimeEnvWithPrefix("REDIS_").
var envPrefixArg = regexp.MustCompile(`^[A-Z][A-Z0-9]*_$`)

// createEnv reads t3-env's createEnv({server: {...}, client: {...},
// shared: {...}, runtimeEnv}): the keys of the three maps are env names.
// When runtimeEnv is a helper called with a prefix
// (runtimeEnv: runtimeEnvWithPrefix("REDIS_")), the helper hands the
// schema the variables under that prefix, so HOST is read as REDIS_HOST.
func createEnv(f *lang.File, obj *sitter.Node) {
	prefix := ""
	var maps []*sitter.Node
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		pair := obj.NamedChild(i)
		if pair.Type() != "pair" {
			continue
		}
		k, v := pair.ChildByFieldName("key"), pair.ChildByFieldName("value")
		key, ok := f.Literal(k)
		if !ok || v == nil {
			continue
		}
		switch key {
		case "server", "client", "shared":
			if v.Type() == "object" {
				maps = append(maps, v)
			}
		case "runtimeEnv", "runtimeEnvStrict", "experimental__runtimeEnv":
			if v.Type() != "call_expression" {
				continue
			}
			args := v.ChildByFieldName("arguments")
			for j := 0; args != nil && j < int(args.NamedChildCount()); j++ {
				arg := args.NamedChild(j)
				if s, ok := f.Literal(arg); ok && arg.Type() == "string" && envPrefixArg.MatchString(s) {
					prefix = s
				}
			}
		}
	}
	via := "createEnv"
	if prefix != "" {
		via = "createEnv, under the prefix " + prefix + " its runtimeEnv is given"
	}
	for _, m := range maps {
		for i := 0; i < int(m.NamedChildCount()); i++ {
			if p := m.NamedChild(i); p.Type() == "pair" {
				k := p.ChildByFieldName("key")
				if name, ok := f.Literal(k); ok {
					f.ReadName(verify.Env, prefix+name, k, via, false)
				}
			}
		}
	}
}

// envSchema reads schema.parse(process.env): the keys of the z.object({...})
// the schema is, inline or bound to a name in the same file, are env reads.
func envSchema(f *lang.File, call *sitter.Node) {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return
	}
	schema := fn.ChildByFieldName("object")
	if schema == nil {
		return
	}
	if schema.Type() == "identifier" {
		schema = declaredValue(f, call, schema.Content(f.Src))
	}
	obj := zodObject(f, schema)
	if obj == nil {
		return
	}
	for i := 0; i < int(obj.NamedChildCount()); i++ {
		if p := obj.NamedChild(i); p.Type() == "pair" {
			if k := p.ChildByFieldName("key"); k != nil {
				if name, ok := f.Literal(k); ok {
					f.ReadName(verify.Env, name, k, "zod schema parsed from process.env", false)
				}
			}
		}
	}
}

// zodObject finds the object literal of a z.object({...}) call, through
// chained calls like z.object({...}).strict().
func zodObject(f *lang.File, n *sitter.Node) *sitter.Node {
	for depth := 0; n != nil && depth < 8; depth++ {
		if n.Type() != "call_expression" {
			return nil
		}
		fn := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fn == nil || fn.Type() != "member_expression" {
			return nil
		}
		if prop := fn.ChildByFieldName("property"); prop != nil && prop.Content(f.Src) == "object" && args != nil && args.NamedChildCount() > 0 && args.NamedChild(0).Type() == "object" {
			return args.NamedChild(0)
		}
		n = fn.ChildByFieldName("object")
	}
	return nil
}

// declaredValue finds the value a name is declared with in the file.
func declaredValue(f *lang.File, from *sitter.Node, name string) *sitter.Node {
	return declarations(f, from)[name]
}

// declarations maps the names the file declares (const x = ...) to their
// values, the first declaration of each, in one walk of the file.
func declarations(f *lang.File, from *sitter.Node) map[string]*sitter.Node {
	root := from
	for root.Parent() != nil {
		root = root.Parent()
	}
	decls := map[string]*sitter.Node{}
	var walk func(n *sitter.Node, depth int)
	walk = func(n *sitter.Node, depth int) {
		if depth > 64 {
			return
		}
		if n.Type() == "variable_declarator" {
			if nm := n.ChildByFieldName("name"); nm != nil && nm.Type() == "identifier" {
				if _, seen := decls[nm.Content(f.Src)]; !seen {
					decls[nm.Content(f.Src)] = n.ChildByFieldName("value")
				}
			}
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			walk(n.NamedChild(i), depth+1)
		}
	}
	walk(root, 0)
	return decls
}

// packageJSON reads the programs a package installs (its bin entries) and
// the packages it depends on.
func packageJSON(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	var pkg struct {
		Name                 string            `json:"name"`
		Bin                  json.RawMessage   `json:"bin"`
		Dependencies         map[string]string `json:"dependencies"`
		DevDependencies      map[string]string `json:"devDependencies"`
		PeerDependencies     map[string]string `json:"peerDependencies"`
		OptionalDependencies map[string]string `json:"optionalDependencies"`
	}
	if json.Unmarshal(src, &pkg) != nil {
		return nil, nil
	}
	var deps []verify.Dependency
	for _, m := range []map[string]string{pkg.Dependencies, pkg.DevDependencies, pkg.PeerDependencies, pkg.OptionalDependencies} {
		for name := range m {
			deps = append(deps, verify.Dependency{Name: name, Site: siteOf(src, `"`+name+`"`)})
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Name < deps[j].Name })
	return binPrograms(src, pkg.Name, pkg.Bin), deps
}

func siteOf(src []byte, text string) verify.Site {
	i := strings.Index(string(src), text)
	if i < 0 {
		return verify.Site{Line: 1, Col: 1}
	}
	line := strings.Count(string(src[:i]), "\n") + 1
	return verify.Site{Line: line, Col: i - strings.LastIndexByte(string(src[:i]), '\n') + 1}
}

// binPrograms reads the bin entry of package.json.
func binPrograms(src []byte, pkgName string, bin json.RawMessage) []verify.Program {
	if len(bin) == 0 {
		return nil
	}
	site := func(name string) verify.Site { return siteOf(src, `"`+name+`"`) }
	var one string
	if json.Unmarshal(bin, &one) == nil {
		name := pkgName
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:] // @scope/tool installs as tool
		}
		if name == "" {
			return nil
		}
		return []verify.Program{{Name: name, Site: site("bin"), Via: "package.json bin"}}
	}
	var many map[string]string
	if json.Unmarshal(bin, &many) != nil {
		return nil
	}
	var out []verify.Program
	for name := range many {
		out = append(out, verify.Program{Name: name, Site: site(name), Via: "package.json bin"})
	}
	return out
}
