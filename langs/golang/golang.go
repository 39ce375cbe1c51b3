// Package golang teaches docverify to read Go: env reads, flag definitions
// (flag, pflag/cobra, urfave/cli, kingpin), config keys (viper, koanf,
// struct tags chained into dotted paths), feature-flag SDK calls, and
// main packages as programs.
package golang

import (
	"bytes"
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
	Name:  "go",
	Title: "Go",
	Idioms: lang.Idioms{
		Env:      "`os.Getenv`, `os.LookupEnv`, `env`/`envconfig` struct tags (with kong `envprefix`, go-flags `env-namespace`), kingpin `Envar` and `DefaultEnvars`, urfave/cli `EnvVars`, viper `AutomaticEnv` with `SetEnvPrefix`",
		Flags:    "flag, pflag/cobra, urfave/cli, kingpin, go-flags `long`, kong",
		Config:   "viper, koanf, struct tags (`yaml`, `json`, `toml`, `mapstructure`, `koanf`) chained into dotted keys",
		Features: "LaunchDarkly, OpenFeature, Unleash, GrowthBook, Split, Flipt",
		Programs: "`main` packages, `go.mod`, urfave/cli `app.Name`",
	},
	Extensions: []string{".go"},
	Grammar:    golang.GetLanguage,
	Queries:    queries,
	Needles: []string{"Getenv", "LookupEnv", "lag", "viper", "koanf", "Envar", "EnvVar", "`", `"_", "-"`, "ToUpper",
		"Variation", "IsEnabled", "Value(", "Boolean(", "IsOn", "IsOff", "Feature(", "Treatment", "FlagKey", "func main(",
		"Unmarshal", "Decode", "\"--"},
	IsTest:   func(p string) bool { return strings.HasSuffix(p, "_test.go") },
	Value:    value,
	Function: function,
	Program: func(p string, proj lang.Project) string {
		if dir := path.Dir(p); dir != "." {
			return path.Base(dir)
		}
		return proj.RootName
	},
	Custom:    map[string]lang.Handler{"go.struct": structFields, "go.unmarshal": unmarshalRoot, "go.envreplacer": envReplacer, "go.programname": programName, "go.defaultenvars": defaultEnvars, "go.ardanconf": ardanConf},
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
	case "int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false", "nil":
		// not a name at all: fs.Duration(5 * time.Minute) builds a value,
		// not a flag whose name is computed at run time
		return nil
	case "binary_expression":
		op := n.ChildByFieldName("operator")
		if op != nil && op.Content(src) == "+" {
			return append(value(n.ChildByFieldName("left"), src), value(n.ChildByFieldName("right"), src)...)
		}
		if op != nil && op.Content(src) != "+" {
			return nil // arithmetic or a comparison: a number or a bool
		}
	case "call_expression":
		fn := n.ChildByFieldName("function")
		args := n.ChildByFieldName("arguments")
		if fn != nil && args != nil && strings.HasSuffix(fn.Content(src), "Sprintf") && args.NamedChildCount() > 0 {
			if f := args.NamedChild(0); f.Type() == "interpreted_string_literal" {
				format, err := strconv.Unquote(f.Content(src))
				if err == nil {
					var operands [][]lang.Part
					for i := 1; i < int(args.NamedChildCount()); i++ {
						operands = append(operands, value(args.NamedChild(i), src))
					}
					return formatParts(format, operands)
				}
			}
		}
	}
	return []lang.Part{{Unknown: true}}
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// formatParts splits a printf format into literal and computed parts; a
// %s or %v verb takes the parts of its operand, so that
// Sprintf("%s%s", prefix, name) reads as prefix + name.
func formatParts(format string, operands [][]lang.Part) []lang.Part {
	var out []lang.Part
	last, arg := 0, 0
	for _, m := range verbRE.FindAllStringIndex(format, -1) {
		verb := format[m[0]:m[1]]
		if verb == "%%" {
			continue
		}
		if m[0] > last {
			out = append(out, lang.Part{Lit: strings.ReplaceAll(format[last:m[0]], "%%", "%")})
		}
		if (verb == "%s" || verb == "%v") && arg < len(operands) {
			out = append(out, operands[arg]...)
		} else {
			out = append(out, lang.Part{Unknown: true})
		}
		arg++
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

// structFields reads a named struct type, or a variable of anonymous
// struct type (kong's var cli struct{...}).
func structFields(f *lang.File, spec *sitter.Node) {
	name := spec.ChildByFieldName("name")
	st := spec.ChildByFieldName("type")
	if name == nil || st == nil || st.NamedChildCount() == 0 {
		return
	}
	readStruct(f, name.Content(f.Src), st, 0)
}

type goField struct {
	names []*sitter.Node
	typ   *sitter.Node
	tag   reflect.StructTag
}

// readStruct turns the fields of a struct type into facts. Tagged fields
// become config keys, chained to nested structures through their types;
// untagged exported fields become keys too — strong ones in a structure
// with config tags, weak ones (see verify.Field) in one without, since
// loaders like mapstructure and yaml.v3 match untagged fields by name.
// A field of anonymous struct type gets the owner name Owner.Field. env
// and envconfig tags are env reads; go-flags "long" tags and kong fields
// are flags.
func readStruct(f *lang.File, owner string, st *sitter.Node, depth int) {
	if depth > 8 || st.NamedChildCount() == 0 {
		return
	}
	list := st.NamedChild(0)
	var fields []goField
	configTagged := false
	for i := 0; i < int(list.NamedChildCount()); i++ {
		d := list.NamedChild(i)
		if d.Type() != "field_declaration" {
			continue
		}
		var fl goField
		for j := 0; j < int(d.ChildCount()); j++ {
			switch d.FieldNameForChild(j) {
			case "name":
				fl.names = append(fl.names, d.Child(j))
			case "type":
				fl.typ = d.Child(j)
			case "tag":
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
	var imports, mapTypes map[string]string // read from the file when a field needs them
	for _, fl := range fields {
		site := fl.typ
		if len(fl.names) > 0 {
			site = fl.names[0]
		}
		typ, isMap := typeName(fl.typ, f.Src)
		if !isMap && typ != "" {
			if mapTypes == nil {
				mapTypes = namedMapTypes(f.Src)
			}
			if elem, ok := mapTypes[typ]; ok {
				typ, isMap = elem, true // type Routers map[string]RouterParser
			}
		}
		pkg := ""
		if q := qualifier(fl.typ, f.Src); q != "" {
			if imports == nil {
				imports = goImports(f.Src)
			}
			pkg = imports[q]
		}
		if anon := anonymousStruct(fl.typ); anon != nil && len(fl.names) > 0 {
			typ = owner + "." + fl.names[0].Content(f.Src)
			readStruct(f, typ, anon, depth+1)
		}
		flagsAndEnv(f, owner, fl, typ, site)
		key, via, inline, tagged := "", "", false, false
		for _, k := range configTags {
			v, ok := fl.tag.Lookup(k)
			if !ok {
				continue
			}
			tagged = true
			parts := strings.Split(v, ",")
			if parts[0] == "-" {
				key = "-"
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
		weak := !configTagged
		if len(fl.names) == 0 {
			inline = true // an embedded struct: its keys appear at this level
		}
		if inline {
			f.AddField(verify.Field{Owner: owner, Type: typ, Package: pkg, Inline: true, Weak: weak, Site: f.Site(site), Via: "embedded struct"})
			continue
		}
		for _, n := range fl.names {
			k, v := key, via
			if k == "" {
				name := n.Content(f.Src)
				if !tagged && !isExported(name) {
					continue // loaders do not see unexported fields
				}
				k, v = name, "struct field" // loaders match untagged fields by name
			}
			prefix, _ := envPrefix(fl.tag)
			ident := n.Content(f.Src)
			if ident == k {
				ident = "" // the key is the Go name
			}
			env, flag, skip := confOverrides(fl.tag)
			if flag != "" {
				f.ReadName(verify.Flag, flag, n, "ardanlabs/conf struct tag flag", false)
			}
			f.AddField(verify.Field{Owner: owner, Key: k, Ident: ident, ConfEnv: env, ConfFlag: flag, ConfSkip: skip, Type: typ, Package: pkg, Map: isMap, Any: untyped(fl.typ, f.Src), Weak: weak && !tagged, Site: f.Site(n), Via: v, EnvPrefix: prefix})
		}
	}
}

// namedMapTypeRE finds a named map type and its element type, at the
// top level or in a type block: type Routers map[string]RouterParser.
var namedMapTypeRE = regexp.MustCompile(`(?m)^(?:type[ \t]+|[ \t]+)([A-Za-z_]\w*)[ \t]+map\[[^\]\n]+\]\*?([A-Za-z_]\w*)[ \t]*(?://.*)?$`)

// namedMapTypes maps the named map types a file declares to their
// element types: a field of such a type holds a map, whose keys the user
// names, of structures the code defines.
func namedMapTypes(src []byte) map[string]string {
	out := map[string]string{}
	if !bytes.Contains(src, []byte(" map[")) {
		return out
	}
	for _, m := range namedMapTypeRE.FindAllSubmatch(src, -1) {
		out[string(m[1])] = string(m[2])
	}
	return out
}

func isExported(name string) bool { return name != "" && name[0] >= 'A' && name[0] <= 'Z' }

// anonymousStruct finds an anonymous struct type in a field's type,
// through pointers, slices and map values.
func anonymousStruct(n *sitter.Node) *sitter.Node {
	for depth := 0; n != nil && depth < 4; depth++ {
		switch n.Type() {
		case "struct_type":
			return n
		case "pointer_type", "slice_type", "array_type":
			n = n.NamedChild(int(n.NamedChildCount()) - 1)
		case "map_type":
			n = n.ChildByFieldName("value")
		default:
			return nil
		}
	}
	return nil
}

// flagsAndEnv reads the env, envconfig, envprefix, long and kong tags of
// a field.
func flagsAndEnv(f *lang.File, owner string, fl goField, typ string, site *sitter.Node) {
	for _, envTag := range []string{"env", "envconfig"} {
		if v, ok := fl.tag.Lookup(envTag); ok {
			if env := strings.Split(v, ",")[0]; env != "" && env != "-" {
				f.ReadName(verify.Env, env, site, "struct tag "+envTag, false)
				f.AddField(verify.Field{Owner: owner, Env: env, Site: f.Site(site), Via: "struct tag " + envTag})
			}
		}
	}
	if prefix, tag := envPrefix(fl.tag); prefix != "" && typ != "" {
		f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Env, Prefix: prefix, Scope: typ, Site: f.Site(site), Via: "struct tag " + tag})
	}
	if spec, ok := fl.tag.Lookup("arg"); ok && spec != "" && len(fl.names) > 0 {
		goArg(f, owner, fl, spec, site)
		return
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
}

// goArg reads a field of an alexflint/go-arg structure, whose arg tag
// lists the field's options: "--name" and "-n" name its flag (by default
// the field's name lower-cased, FilterStrings is --filterstrings),
// "env:NAME" its variable ("env" alone: the field's name upper-cased),
// "positional" and "subcommand:name" make it no flag, "-" leaves it out.
// Kong's positional arguments carry an empty arg tag and are not read here.
func goArg(f *lang.File, owner string, fl goField, spec string, site *sitter.Node) {
	if spec == "-" {
		return
	}
	field := fl.names[0].Content(f.Src)
	long, env, flag := strings.ToLower(field), "", true
	for _, opt := range strings.Split(spec, ",") {
		opt = strings.TrimSpace(opt)
		key, value, _ := strings.Cut(opt, ":")
		switch {
		case strings.HasPrefix(key, "--"):
			long = key[2:]
		case key == "positional", key == "subcommand":
			flag = false
		case key == "env" && value != "":
			env = value
		case key == "env":
			env = strings.ToUpper(field)
		}
	}
	if flag && long != "" {
		f.ReadName(verify.Flag, long, site, "go-arg struct tag", false) // go-arg makes no --no- forms
	}
	if env != "" {
		f.ReadName(verify.Env, env, site, "go-arg struct tag", false)
		f.AddField(verify.Field{Owner: owner, Env: env, Site: f.Site(site), Via: "go-arg struct tag"})
	}
}

// envPrefix is the prefix a field's tag gives the env names of its
// structure's fields: kong's envprefix:"APP_CURSOR_", caarlos0/env's
// envPrefix:"DB_", and go-flags' env-namespace:"STORE", which go-flags
// joins with "_".
func envPrefix(tag reflect.StructTag) (prefix, tagName string) {
	for _, t := range []string{"envprefix", "envPrefix"} {
		if v, ok := tag.Lookup(t); ok && v != "" {
			return strings.ToUpper(v), t
		}
	}
	if v, ok := tag.Lookup("env-namespace"); ok && v != "" {
		return strings.ToUpper(v) + "_", "env-namespace"
	}
	return "", ""
}

// unmarshalRoot reads the target of an unmarshal-like call
// (viper.Unmarshal(&cfg), yaml.Unmarshal(data, &cfg)): the type cfg is
// declared with is a structure the code loads configuration into.
// programName records the name a CLI library gives the program (urfave/cli's
// app.Name), which users type even when the repository's layout names
// no program (a root main package with no go.mod).
func programName(f *lang.File, n *sitter.Node) {
	name := strings.Trim(n.Content(f.Src), `"`)
	if name == "" || strings.ContainsAny(name, " /\\") || f.Facts.Test {
		return
	}
	f.Facts.Programs = append(f.Facts.Programs, verify.Program{Name: name, Site: f.Site(n), Via: "urfave/cli app name"})
}

// kingpinNewRE finds the name a kingpin application is given.
var kingpinNewRE = regexp.MustCompile(`kingpin\.New\(\s*"([A-Za-z0-9][\w.-]*)"`)

// defaultEnvars reads kingpin's app.DefaultEnvars(): each flag of the
// application is also read from an env var named after the application
// and the flag, upper-cased with every other character an underscore
// (external-dns's --rfc2136-tsig-secret is EXTERNAL_DNS_RFC2136_TSIG_SECRET).
func defaultEnvars(f *lang.File, call *sitter.Node) {
	m := kingpinNewRE.FindSubmatch(f.Src)
	if m == nil || f.Facts.Test {
		return
	}
	prefix := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(string(m[1]))) + "_"
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Flag, Prefix: prefix, Nest: "_", Case: "upper", Site: f.Site(call), Via: "kingpin DefaultEnvars"})
}

// ardanConf reads ardanlabs/conf's conf.Parse(prefix, &cfg): the library
// reads each field of cfg's structure from a flag and an env var named
// after the field's Go name and those of the fields above it, split into
// words at case changes: Auth.APIKeyPepper is --auth-api-key-pepper and,
// with the prefix "HBOX", HBOX_AUTH_API_KEY_PEPPER. Its struct tags'
// env: and flag: options rename one (see confOverrides).
func ardanConf(f *lang.File, call *sitter.Node) {
	if f.Facts.Test {
		return
	}
	fn := call.ChildByFieldName("function")
	args := call.ChildByFieldName("arguments")
	if fn == nil || args == nil || args.NamedChildCount() < 2 {
		return
	}
	if pkg := fn.ChildByFieldName("operand"); pkg == nil || !strings.HasPrefix(goImports(f.Src)[pkg.Content(f.Src)], ardanConfPath) {
		return
	}
	prefix, ok := stringValue(f, args.NamedChild(0))
	if !ok {
		return
	}
	target := args.NamedChild(1).ChildByFieldName("operand")
	typ := declaredType(f, target, target.Content(f.Src))
	if typ == "" {
		return
	}
	site := f.Site(call)
	const via = "ardanlabs/conf"
	f.Facts.Roots = append(f.Facts.Roots, verify.Root{Type: typ, Site: f.Site(target), Via: "loaded by conf.Parse"})
	if prefix != "" {
		prefix = strings.ToUpper(prefix) + "_"
	}
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Prefix: prefix, Nest: "_", Scope: typ, Case: "upper", FieldNames: true, Site: site, Via: via})
	f.Derive(verify.Derivation{Kind: verify.Flag, From: verify.Config, Nest: "-", Scope: typ, Case: "lower", FieldNames: true, Site: site, Via: via})
}

// ardanConfPath is the import path of ardanlabs/conf, any major version.
const ardanConfPath = "github.com/ardanlabs/conf"

// stringValue is the value of a string literal, or of an identifier a
// constant of the file holds (const prefix = "HBOX").
func stringValue(f *lang.File, n *sitter.Node) (string, bool) {
	if n.Type() != "identifier" {
		return f.Literal(n)
	}
	re, err := regexp.Compile(`\b` + regexp.QuoteMeta(n.Content(f.Src)) + `\s*(?:string\s*)?=\s*"([^"\\\n]*)"`)
	if err != nil {
		return "", false
	}
	m := re.FindSubmatch(f.Src)
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}

// confOverrides reads the env: and flag: options of an ardanlabs/conf
// struct tag: flag:notifier-dns64-nets is the whole flag name, and
// env:NOTIFIER_DNS64_NETS the env name below the prefix; conf:"-"
// hides the field.
func confOverrides(tag reflect.StructTag) (env, flag string, skip bool) {
	v, ok := tag.Lookup("conf")
	if !ok {
		return "", "", false
	}
	if v == "-" {
		return "", "", true
	}
	for _, opt := range strings.Split(v, ",") {
		key, value, _ := strings.Cut(strings.TrimSpace(opt), ":")
		switch key {
		case "env":
			env = value
		case "flag":
			flag = value
		}
	}
	return env, flag, false
}

// literalReplacerRE is a key replacer spelt out in literals:
// strings.NewReplacer(".", "_", "-", "_"), whose names verify derives.
var literalReplacerRE = regexp.MustCompile(`^strings\.NewReplacer\(\s*("[^"]*"\s*,\s*)*"[^"]*"\s*,?\s*\)$`)

// envReplacer reads viper's SetEnvKeyReplacer: a replacer built from the
// code's own names (filebrowser's snake-cased flag names) lets env names
// split camelCase keys into words; a literal one changes only separators.
func envReplacer(f *lang.File, arg *sitter.Node) {
	if !literalReplacerRE.MatchString(strings.TrimSpace(arg.Content(f.Src))) {
		f.SplitEnvWords()
	}
}

func unmarshalRoot(f *lang.File, target *sitter.Node) {
	typ := ""
	switch target.Type() {
	case "composite_literal":
		typ, _ = typeName(target.ChildByFieldName("type"), f.Src)
	case "identifier":
		typ = declaredType(f, target, target.Content(f.Src))
	}
	if typ == "" {
		return
	}
	via := "loaded as configuration"
	if call := enclosing(target, "call_expression"); call != nil {
		if fn := call.ChildByFieldName("function"); fn != nil {
			via = "loaded by " + f.Text(fn)
		}
	}
	f.Facts.Roots = append(f.Facts.Roots, verify.Root{Type: typ, Site: f.Site(target), Via: via})
}

func enclosing(n *sitter.Node, typ string) *sitter.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == typ {
			return p
		}
	}
	return nil
}

// declaredType finds the type a name is declared with in the function
// around n, or in the file: var x T, x := T{}, x := &T{}, x := new(T), or
// a parameter x *T.
func declaredType(f *lang.File, n *sitter.Node, name string) string {
	scope := enclosing(n, "function_declaration")
	if scope == nil {
		scope = enclosing(n, "method_declaration")
	}
	if scope == nil {
		scope = n
		for scope.Parent() != nil {
			scope = scope.Parent()
		}
	}
	found := ""
	var walk func(m *sitter.Node, depth int)
	walk = func(m *sitter.Node, depth int) {
		if found != "" || depth > 40 {
			return
		}
		switch m.Type() {
		case "var_spec", "parameter_declaration":
			for i := 0; i < int(m.ChildCount()); i++ {
				if m.FieldNameForChild(i) == "name" && m.Child(i).Content(f.Src) == name {
					found, _ = typeName(m.ChildByFieldName("type"), f.Src)
					return
				}
			}
		case "short_var_declaration":
			l, r := m.ChildByFieldName("left"), m.ChildByFieldName("right")
			if l != nil && r != nil && l.NamedChildCount() > 0 && r.NamedChildCount() > 0 && l.NamedChild(0).Content(f.Src) == name {
				found = valueType(r.NamedChild(0), f.Src)
				return
			}
		}
		for i := 0; i < int(m.NamedChildCount()); i++ {
			walk(m.NamedChild(i), depth+1)
		}
	}
	walk(scope, 0)
	return found
}

// valueType is the type of T{}, &T{} or new(T).
func valueType(v *sitter.Node, src []byte) string {
	switch v.Type() {
	case "composite_literal":
		t, _ := typeName(v.ChildByFieldName("type"), src)
		return t
	case "unary_expression":
		if op := v.ChildByFieldName("operand"); op != nil {
			return valueType(op, src)
		}
	case "call_expression":
		fn, args := v.ChildByFieldName("function"), v.ChildByFieldName("arguments")
		if fn != nil && args != nil && fn.Content(src) == "new" && args.NamedChildCount() == 1 {
			t, _ := typeName(args.NamedChild(0), src)
			return t
		}
	}
	return ""
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

// qualifier is the package name of a qualified type (server of
// *server.Config, through pointers, slices, maps and generics), "" for a
// type of this package.
func qualifier(n *sitter.Node, src []byte) string {
	for depth := 0; n != nil && depth < 6; depth++ {
		switch n.Type() {
		case "qualified_type":
			if p := n.ChildByFieldName("package"); p != nil {
				return p.Content(src)
			}
			return ""
		case "pointer_type", "slice_type", "array_type":
			n = n.NamedChild(int(n.NamedChildCount()) - 1)
		case "map_type":
			n = n.ChildByFieldName("value")
		case "generic_type":
			n = n.ChildByFieldName("type")
		default:
			return ""
		}
	}
	return ""
}

// importLineRE finds an import spec: "path", alias "path".
var importLineRE = regexp.MustCompile(`(?m)^\s*(?:import\s+)?(?:([A-Za-z_]\w*|\.)\s+)?"([^"\s]+)"\s*$`)

// goImports maps the package names a Go file refers to onto import
// paths: an alias, or the path's last element (without a major version
// suffix such as /v2). Only the text before the first declaration is read.
func goImports(src []byte) map[string]string {
	head := src
	if i := bytes.Index(src, []byte("\nfunc ")); i >= 0 {
		head = src[:i]
	}
	if i := bytes.Index(head, []byte("\ntype ")); i >= 0 {
		head = head[:i]
	}
	out := map[string]string{}
	for _, m := range importLineRE.FindAllSubmatch(head, -1) {
		p := string(m[2])
		name := string(m[1])
		if name == "" || name == "." {
			name = path.Base(p)
			if len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
				name = path.Base(path.Dir(p))
			}
		}
		out[name] = p
	}
	return out
}

func builtinless(t string) string {
	switch t {
	case "string", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
		"float32", "float64", "byte", "rune", "error", "any":
		return ""
	}
	return t
}

var (
	moduleRE  = regexp.MustCompile(`(?m)^module\s+"?([^\s"]+)`)
	requireRE = regexp.MustCompile(`(?m)^(?:require\s+|\t)"?([a-zA-Z0-9][^\s"]*\.[^\s"]+)"?\s+v[0-9]`)
	majorRE   = regexp.MustCompile(`^v[0-9]+$`)
)

// goMod reads go.mod: the program a main package at the module root
// builds, named by the last element of the module path, and the required
// modules.
func goMod(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	var progs []verify.Program
	if m := moduleRE.FindSubmatchIndex(src); m != nil {
		elems := strings.Split(string(src[m[2]:m[3]]), "/")
		name := elems[len(elems)-1]
		if len(elems) > 1 && majorRE.MatchString(name) {
			name = elems[len(elems)-2]
		}
		progs = append(progs, verify.Program{Name: name, Site: siteOf(src, m[2]), Via: "go.mod module path"})
	}
	var deps []verify.Dependency
	for _, m := range requireRE.FindAllSubmatchIndex(src, -1) {
		deps = append(deps, verify.Dependency{Name: string(src[m[2]:m[3]]), Site: siteOf(src, m[2])})
	}
	return progs, deps
}

func siteOf(src []byte, off int) verify.Site {
	line := strings.Count(string(src[:off]), "\n") + 1
	return verify.Site{Line: line, Col: off - strings.LastIndexByte(string(src[:off]), '\n')}
}

// untypedNames are the Go types that hold a value of no fixed structure.
var untypedNames = map[string]bool{"any": true, "interface{}": true, "yaml.Node": true, "json.RawMessage": true, "toml.Primitive": true}

// untyped reports a field type that holds any value, decoded later by a
// type the code picks: Config any `yaml:"config"`.
func untyped(t *sitter.Node, src []byte) bool {
	if t == nil {
		return false
	}
	s := strings.TrimPrefix(strings.Join(strings.Fields(t.Content(src)), ""), "*")
	return untypedNames[s]
}
