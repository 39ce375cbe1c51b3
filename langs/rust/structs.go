package rust

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// attr is one attribute, #[arg(long, env = "X")]: its name and its
// comma-separated arguments.
type attr struct {
	name string
	args []attrArg
}

// attrArg is key or key = value; node is the value's node, or the key's.
type attrArg struct {
	key      string
	value    string
	hasValue bool
	node     *sitter.Node
}

func (a attr) get(key string) (attrArg, bool) {
	for _, x := range a.args {
		if x.key == key {
			return x, true
		}
	}
	return attrArg{}, false
}

// parseAttr reads an attribute_item.
func parseAttr(item *sitter.Node, src []byte) (attr, bool) {
	if item.Type() != "attribute_item" || item.NamedChildCount() == 0 {
		return attr{}, false
	}
	a := item.NamedChild(0)
	if a.Type() != "attribute" || a.NamedChildCount() == 0 {
		return attr{}, false
	}
	out := attr{name: a.NamedChild(0).Content(src)}
	tt := a.ChildByFieldName("arguments")
	if tt == nil {
		return out, true
	}
	var cur *attrArg
	afterEq := false
	for i := 0; i < int(tt.ChildCount()); i++ {
		c := tt.Child(i)
		switch {
		case c.Type() == "," || c.Type() == ")" || c.Type() == "]":
			if cur != nil {
				out.args = append(out.args, *cur)
			}
			cur, afterEq = nil, false
		case c.Type() == "=":
			afterEq = true
		case c.Type() == "(" && i == 0:
		case cur == nil && c.Type() == "identifier":
			cur = &attrArg{key: c.Content(src), node: c}
		case cur != nil && afterEq && !cur.hasValue:
			cur.hasValue, cur.node = true, c
			if c.Type() == "string_literal" || c.Type() == "raw_string_literal" {
				cur.value = stringContent(c, src)
			} else {
				cur.value = c.Content(src)
			}
		}
	}
	if cur != nil {
		out.args = append(out.args, *cur)
	}
	return out, true
}

// precedingAttrs are the attributes written before an item.
func precedingAttrs(n *sitter.Node, src []byte) []attr {
	var out []attr
	for p := n.PrevNamedSibling(); p != nil; p = p.PrevNamedSibling() {
		switch p.Type() {
		case "attribute_item":
			if a, ok := parseAttr(p, src); ok {
				out = append(out, a)
			}
		case "line_comment", "block_comment":
		default:
			return out
		}
	}
	return out
}

// cliAttrs are the attributes CLI derive libraries read from fields:
// clap (arg, and clap for clap 3), structopt, argh.
var cliAttrs = map[string]bool{"arg": true, "clap": true, "structopt": true, "argh": true}

// configNameRE recognises a structure named as configuration, which is
// loaded whole even where the loading call is out of sight.
var configNameRE = regexp.MustCompile(`(?i)(config|configuration|settings|options)$`)

// structItem reads a struct's fields: the flags and env vars a CLI derive
// library makes of them, and the config keys serde does.
func structItem(f *lang.File, n *sitter.Node) {
	nameNode := n.ChildByFieldName("name")
	body := n.ChildByFieldName("body")
	if nameNode == nil || body == nil || body.Type() != "field_declaration_list" {
		return
	}
	owner := nameNode.Content(f.Src)
	derives := map[string]bool{}
	serdeAttr := false
	d := naming{cliRename: "kebab-case"}
	for _, a := range precedingAttrs(n, f.Src) {
		switch {
		case a.name == "derive":
			for _, x := range a.args {
				derives[lastSegment(x.key)] = true
			}
		case a.name == "serde":
			// serde's helper attribute is only allowed where a serde derive
			// is in effect, written out or made by another attribute macro
			// (vector's #[configurable_component]): the structure is serde's
			serdeAttr = true
			if r, ok := a.get("rename_all"); ok {
				d.serdeRename = r.value
			}
		case a.name == "command" || a.name == "clap" || a.name == "structopt":
			d.cli = true
			if r, ok := a.get("rename_all"); ok {
				d.cliRename = r.value
			}
		}
	}
	for _, name := range []string{"Parser", "Args", "StructOpt", "FromArgs"} {
		d.cli = d.cli || derives[name]
	}
	// a derive imported under another name (use clap::{Args as
	// ClapArgs}) is clap's; looked for only when a field carries clap's
	// helper attribute, which is rare without the derive
	if !d.cli && fieldAttr(body, f.Src, "arg", "clap", "structopt") {
		for _, m := range cliDeriveAliasRE.FindAllSubmatch(f.Src, -1) {
			d.cli = d.cli || derives[string(m[1])]
		}
	}
	d.serde = derives["Deserialize"] || serdeAttr || fieldAttr(body, f.Src, "serde")
	if !d.cli && !d.serde {
		return
	}
	if d.serde && configNameRE.MatchString(owner) {
		f.Facts.Roots = append(f.Facts.Roots, verify.Root{Type: owner, Site: f.Site(nameNode), Via: "serde structure named " + owner})
	}
	fields(f, owner, body, d)
}

// cliDeriveAliasRE finds a clap or structopt derive imported under
// another name: use clap::{Args as ClapArgs, Parser}.
var cliDeriveAliasRE = regexp.MustCompile(`\b(?:Args|Parser|StructOpt)\s+as\s+(\w+)`)

// fieldAttr reports a field list with one of the named helper
// attributes on a field (#[serde(flatten)], #[arg(long)]): like one on
// the structure, a helper attribute is only allowed under its derive.
func fieldAttr(body *sitter.Node, src []byte, names ...string) bool {
	for i := 0; i < int(body.NamedChildCount()); i++ {
		if c := body.NamedChild(i); c.Type() == "attribute_item" {
			if a, ok := parseAttr(c, src); ok && slices.Contains(names, a.name) {
				return true
			}
		}
	}
	return false
}

// enumItem reads the fields of a clap subcommand enum's struct-like
// variants (Prune { #[arg(long)] dry_run: bool }): each is a flag of
// that subcommand, as a struct's field would be; and those of a serde
// enum, config keys of the enum.
func enumItem(f *lang.File, n *sitter.Node) {
	nameNode := n.ChildByFieldName("name")
	body := n.ChildByFieldName("body")
	if nameNode == nil || body == nil {
		return
	}
	cli, serde := false, false
	for _, a := range precedingAttrs(n, f.Src) {
		switch a.name {
		case "derive":
			for _, x := range a.args {
				switch lastSegment(x.key) {
				case "Subcommand", "Parser", "StructOpt":
					cli = true
				case "Deserialize":
					serde = true
				}
			}
		case "serde":
			serde = true // as for structs: only allowed under a serde derive
		}
	}
	if !cli && !serde {
		return
	}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		v := body.NamedChild(i)
		vb := v.ChildByFieldName("body")
		if serde && !cli && v.Type() == "enum_variant" && vb != nil && vb.Type() == "ordered_field_declaration_list" && vb.NamedChildCount() == 1 {
			// AwsSecretsManager(AwsSecretsManagerBackend) in an internally
			// tagged enum: the held structure's keys sit beside the tag
			if typ, isMap := fieldType(vb.NamedChild(0), f.Src); typ != "" && typ != freeValueType && !isMap {
				f.AddField(verify.Field{Owner: nameNode.Content(f.Src), Type: typ, Inline: true, Weak: true, Site: f.Site(vb), Via: "a serde enum's variant"})
			}
			continue
		}
		if v.Type() != "enum_variant" || vb == nil || vb.Type() != "field_declaration_list" {
			continue
		}
		variant := ""
		if vn := v.ChildByFieldName("name"); vn != nil {
			variant = vn.Content(f.Src)
		}
		if cli {
			fields(f, nameNode.Content(f.Src)+"::"+variant, vb, naming{cli: true, cliRename: "kebab-case"})
			continue
		}
		// a serde enum's variant fields are keys where the enum is: beside
		// its tag (#[serde(tag = "format")] Shuffle { lines }), or, for an
		// untagged or externally tagged enum, at or just below it; read at
		// the enum's level, which is a level too shallow for the last kind
		fields(f, nameNode.Content(f.Src), vb, naming{serde: true})
	}
}

// fields reads the fields of a field list, each with the attributes
// written above it.
// naming is what a structure's derives make of its field names: clap
// flags spelt by its rename_all (kebab-case unless the command says
// otherwise, rename_all = "snake_case" keeps --read_only), serde keys by
// serde's.
type naming struct {
	cli, serde             bool
	cliRename, serdeRename string
}

func fields(f *lang.File, owner string, body *sitter.Node, d naming) {
	var pending []attr
	for i := 0; i < int(body.NamedChildCount()); i++ {
		c := body.NamedChild(i)
		switch c.Type() {
		case "attribute_item":
			if a, ok := parseAttr(c, f.Src); ok {
				pending = append(pending, a)
			}
		case "field_declaration":
			field(f, owner, c, pending, d)
			pending = nil
		case "line_comment", "block_comment":
		default:
			pending = nil
		}
	}
}

func field(f *lang.File, owner string, n *sitter.Node, attrs []attr, d naming) {
	nameNode := n.ChildByFieldName("name")
	if nameNode == nil {
		return
	}
	name := strings.TrimPrefix(nameNode.Content(f.Src), "r#")
	typ, isMap := fieldType(n.ChildByFieldName("type"), f.Src)
	free := typ == freeValueType
	if free {
		typ = ""
	}
	if d.cli {
		for _, a := range attrs {
			if !cliAttrs[a.name] {
				continue
			}
			if long, ok := a.get("long"); ok {
				flag, at := renamed(name, d.cliRename), nameNode
				if long.hasValue {
					flag, at = long.value, long.node
				}
				f.ReadName(verify.Flag, flag, at, "#["+a.name+"(long)] field", false)
			}
			if a.name == "argh" {
				if _, ok := a.get("option"); ok {
					f.ReadName(verify.Flag, lang.Kebab(name), nameNode, "#[argh(option)] field", false)
				} else if _, ok := a.get("switch"); ok {
					f.ReadName(verify.Flag, lang.Kebab(name), nameNode, "#[argh(switch)] field", false)
				}
			}
			if env, ok := a.get("env"); ok {
				if env.hasValue {
					f.ReadName(verify.Env, env.value, env.node, "#["+a.name+"(env)] field", false)
				} else {
					// clap names a bare env after the field, upper-cased
					f.ReadName(verify.Env, strings.ToUpper(name), nameNode, "#["+a.name+"(env)] field "+name, false)
				}
			}
		}
	}
	if !d.serde {
		return
	}
	key, via, inline := renamed(name, d.serdeRename), "serde field", false
	var aliases []attrArg
	for _, a := range attrs {
		if a.name != "serde" {
			continue
		}
		for _, x := range a.args {
			switch x.key {
			case "skip", "skip_deserializing":
				return
			case "flatten":
				inline = true
			case "rename":
				if x.hasValue {
					key, via = x.value, "#[serde(rename)]"
				}
			case "alias":
				if x.hasValue {
					aliases = append(aliases, x)
				}
			}
		}
	}
	if inline {
		f.AddField(verify.Field{Owner: owner, Type: typ, Inline: true, Weak: true, Site: f.Site(nameNode), Via: "#[serde(flatten)]"})
		return
	}
	f.AddField(verify.Field{Owner: owner, Key: key, Type: typ, Map: isMap, Any: free, Weak: true, Site: f.Site(nameNode), Via: via})
	for _, x := range aliases {
		f.AddField(verify.Field{Owner: owner, Key: x.value, Type: typ, Map: isMap, Any: free, Weak: true, Site: f.Site(x.node), Via: "#[serde(alias)]"})
	}
}

// fieldType is the structure a field holds, through Option, Vec, Box and
// the values of maps, and whether it is a map.
func fieldType(n *sitter.Node, src []byte) (string, bool) {
	isMap := false
	for depth := 0; n != nil && depth < 4; depth++ {
		switch n.Type() {
		case "type_identifier":
			if freeValue(n.Content(src), src) {
				return freeValueType, isMap
			}
			if scalarTypes[n.Content(src)] {
				return "", isMap
			}
			return n.Content(src), isMap
		case "scoped_type_identifier":
			if freeValuePath(n.Content(src)) {
				return freeValueType, isMap
			}
			if name := n.ChildByFieldName("name"); name != nil {
				return name.Content(src), isMap
			}
			return "", isMap
		case "generic_type":
			base := ""
			if t := n.ChildByFieldName("type"); t != nil {
				if freeValuePath(t.Content(src)) || freeValue(t.Content(src), src) {
					return freeValueType, isMap // serde_json::Map<String, Value>
				}
				base = lastSegment(t.Content(src))
			}
			args := n.ChildByFieldName("type_arguments")
			if args == nil || args.NamedChildCount() == 0 {
				return base, isMap
			}
			switch base {
			case "HashMap", "BTreeMap", "IndexMap":
				isMap = true
				n = args.NamedChild(int(args.NamedChildCount()) - 1)
			case "Option", "Vec", "Box", "Arc", "Rc":
				n = args.NamedChild(0)
			default:
				return base, isMap
			}
		default:
			return "", isMap
		}
	}
	return "", isMap
}

func lastSegment(s string) string {
	if i := strings.LastIndex(s, "::"); i >= 0 {
		return s[i+2:]
	}
	return s
}

// renamed applies serde's or clap's rename_all to a snake_case field
// name; an unknown rule (and snake_case, verbatim) keeps it.
func renamed(name, rule string) string {
	words := strings.Split(name, "_")
	switch rule {
	case "lower":
		return strings.ToLower(name)
	case "UPPER":
		return strings.ToUpper(name)
	case "lowercase":
		return strings.ToLower(strings.Join(words, ""))
	case "UPPERCASE":
		return strings.ToUpper(strings.Join(words, ""))
	case "PascalCase", "camelCase":
		var b strings.Builder
		for i, w := range words {
			if w == "" {
				continue
			}
			if i == 0 && rule == "camelCase" {
				b.WriteString(w)
				continue
			}
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
		return b.String()
	case "SCREAMING_SNAKE_CASE":
		return strings.ToUpper(name)
	case "kebab-case":
		return strings.Join(words, "-")
	case "SCREAMING-KEBAB-CASE":
		return strings.ToUpper(strings.Join(words, "-"))
	}
	return name
}

// root records a type that code loads configuration into.
func root(f *lang.File, n *sitter.Node) {
	f.Facts.Roots = append(f.Facts.Roots, verify.Root{Type: n.Content(f.Src), Site: f.Site(n), Via: "deserialized"})
}

// A field of a self-describing value (serde_json::Value, toml::Table)
// holds whatever keys the file has, for the code to decode later or pass
// on: Quickwit's client_params hands librdkafka its own settings. Such a
// field is a Field.Any; fieldType gives it the type freeValueType.
const freeValueType = "@value"

var (
	freeValueCrates = []string{"serde_json::", "serde_yaml::", "serde_yml::", "toml::", "serde_value::", "json5::"}
	freeValueNames  = map[string]bool{"Value": true, "Map": true, "Mapping": true, "Table": true}
	// the aliases projects give them (use serde_json::Value as JsonValue)
	freeValueAliases = map[string]bool{"JsonValue": true, "JsonMap": true, "JsonObject": true, "YamlValue": true, "YamlMapping": true, "TomlValue": true, "TomlTable": true}
)

// freeValuePath reports a self-describing value type written with its
// crate: serde_json::Value, toml::value::Table.
func freeValuePath(t string) bool {
	for _, c := range freeValueCrates {
		if strings.HasPrefix(t, c) || strings.Contains(t, "::"+c) {
			return freeValueNames[lastSegment(t)]
		}
	}
	return false
}

// freeValue reports a self-describing value type written bare: an alias,
// or Value, Map, Mapping or Table in a file that uses a crate defining
// them (use serde_json::{Map, Value}).
func freeValue(t string, src []byte) bool {
	if freeValueAliases[t] {
		return true
	}
	if !freeValueNames[t] {
		return false
	}
	for _, c := range freeValueCrates {
		if bytes.Contains(src, []byte(c)) {
			return true
		}
	}
	return false
}

// scalarTypes are standard types that hold one value, not keys.
var scalarTypes = map[string]bool{"String": true, "PathBuf": true, "Duration": true, "SocketAddr": true, "IpAddr": true, "Url": true, "Value": true}

// envPrefix reads an env prefix over config keys: config-rs's
// Environment::with_prefix("APP"), figment's Env::prefixed("APP_"),
// envy::prefixed("APP_"). Nested keys are joined by the separator the
// chain sets (.separator("__"), .split("__")); without one only top-level
// keys are addressed.
func envPrefix(f *lang.File, lit *sitter.Node) {
	prefix, ok := f.Literal(lit)
	if !ok || prefix == "" {
		return
	}
	call := lit.Parent()
	if call != nil {
		call = call.Parent()
	}
	nest := ""
	for p := call; p != nil && p.Parent() != nil; p = p.Parent().Parent() {
		fe := p.Parent()
		if fe.Type() != "field_expression" || fe.Parent() == nil || fe.Parent().Type() != "call_expression" {
			break
		}
		method := fe.ChildByFieldName("field")
		args := fe.Parent().ChildByFieldName("arguments")
		if method != nil && args != nil && args.NamedChildCount() > 0 {
			if m := method.Content(f.Src); m == "separator" || m == "split" {
				if s, ok := f.Literal(args.NamedChild(0)); ok {
					nest = s
				}
			}
		}
	}
	via := "env prefix"
	if fn := call.ChildByFieldName("function"); call != nil && fn != nil {
		via = fn.Content(f.Src)
	}
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Prefix: lang.EnvPrefix(prefix), Nest: nest, Site: f.Site(lit), Via: via})
}
