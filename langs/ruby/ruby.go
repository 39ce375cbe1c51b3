// Package ruby teaches docverify to read Ruby: ENV reads, OptionParser
// and Thor options, Rails custom configuration (config.x), feature-flag
// SDKs, and the executables and dependencies of gemspecs and Gemfiles.
package ruby

import (
	_ "embed"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/ruby"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Ruby language.
var Spec = &lang.Spec{
	Name:  "ruby",
	Title: "Ruby",
	Idioms: lang.Idioms{
		Env:      "`ENV[...]`, `ENV.fetch`, `ENV.key?`",
		Flags:    "OptionParser (`--[no-]x` defines both), Thor options",
		Config:   "Rails `config.x`, Konfig schemas",
		Features: "Flipper, LaunchDarkly, Unleash, OpenFeature, Split",
		Programs: "gemspec `executables`, `Gemfile`",
	},
	Extensions:   []string{".rb", ".rake"},
	Interpreters: []string{"ruby", "jruby"},
	Grammar:      ruby.GetLanguage,
	Queries:      queries,
	Needles:      []string{"ENV", ".on", "option", "config.x", "configuration.x", "Flipper", "variation", "enabled?", "_value", "get_treatment", "Schema.draw", "Konfig"},
	IsTest: func(p string) bool {
		return strings.HasPrefix(p, "spec/") || strings.HasPrefix(p, "test/") || strings.Contains(p, "/spec/") || strings.Contains(p, "/test/") ||
			strings.HasSuffix(p, "_spec.rb") || strings.HasSuffix(p, "_test.rb")
	},
	Value:     value,
	Function:  function,
	Program:   func(string, lang.Project) string { return "" }, // executables come from the gemspec
	Custom:    map[string]lang.Handler{"ruby.optspec": optSpec, "ruby.thor": thorOption, "ruby.configx": configX, "ruby.konfig": konfigSchema, "ruby.konfigenv": konfigEnv},
	Manifests: map[string]lang.Manifest{"*.gemspec": gemspec, "Gemfile": gemfile},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string":
		var out []lang.Part
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_content":
				out = append(out, lang.Part{Lit: c.Content(src)})
			case "interpolation":
				if c.NamedChildCount() == 1 && c.NamedChild(0).Type() == "identifier" {
					out = append(out, lang.Part{Ref: c.NamedChild(0).Content(src)})
				} else {
					out = append(out, lang.Part{Unknown: true})
				}
			default:
				out = append(out, lang.Part{Unknown: true})
			}
		}
		if len(out) == 0 {
			return []lang.Part{{Lit: ""}}
		}
		return out
	case "simple_symbol":
		return []lang.Part{{Lit: strings.TrimPrefix(n.Content(src), ":")}}
	case "identifier", "constant":
		return []lang.Part{{Ref: n.Content(src)}}
	case "scope_resolution":
		if name := n.ChildByFieldName("name"); name != nil {
			return []lang.Part{{Ref: name.Content(src)}}
		}
	case "parenthesized_statements":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	case "binary":
		if op := n.ChildByFieldName("operator"); op != nil && op.Content(src) == "+" {
			return append(value(n.ChildByFieldName("left"), src), value(n.ChildByFieldName("right"), src)...)
		}
	}
	return []lang.Part{{Unknown: true}}
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	if n.Type() != "method" && n.Type() != "singleton_method" {
		return lang.Function{}, false
	}
	var fn lang.Function
	if name := n.ChildByFieldName("name"); name != nil {
		fn.Name = name.Content(src)
	}
	if params := n.ChildByFieldName("parameters"); params != nil {
		for i := 0; i < int(params.NamedChildCount()); i++ {
			p := params.NamedChild(i)
			switch p.Type() {
			case "identifier":
				fn.Params = append(fn.Params, p.Content(src))
			case "optional_parameter", "keyword_parameter":
				if name := p.ChildByFieldName("name"); name != nil {
					fn.Params = append(fn.Params, name.Content(src))
				}
			}
		}
	}
	return fn, true
}

// optSpec reads an OptionParser switch: "--[no-]verbose" defines both
// --verbose and --no-verbose; "--level=LEVEL" and "--level LEVEL" define
// --level.
func optSpec(f *lang.File, lit *sitter.Node) {
	s, ok := f.Literal(lit)
	if !ok || !strings.HasPrefix(s, "--") {
		return
	}
	if rest, ok := strings.CutPrefix(s, "--[no-]"); ok {
		name := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '=' || r == '[' })
		if len(name) > 0 {
			f.ReadNameAt(verify.Flag, name[0], lit, len("--[no-]"), "OptionParser#on", true)
		}
		return
	}
	for _, name := range lang.FlagSpec(s) {
		f.ReadNameAt(verify.Flag, name, lit, max(0, strings.Index(s, "--"+name)+2), "OptionParser#on", false)
	}
}

// thorOption reads a Thor option: :dry_run is --dry-run, and a boolean
// option also accepts --no-dry-run.
func thorOption(f *lang.File, call *sitter.Node) {
	args := call.ChildByFieldName("arguments")
	method := call.ChildByFieldName("method")
	if args == nil || args.NamedChildCount() == 0 || method == nil {
		return
	}
	sym := args.NamedChild(0)
	boolean := false
	for i := 1; i < int(args.NamedChildCount()); i++ {
		p := args.NamedChild(i)
		k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
		if p.Type() == "pair" && k != nil && v != nil && strings.TrimSuffix(k.Content(f.Src), ":") == "type" && strings.Contains(v.Content(f.Src), "boolean") {
			boolean = true
		}
	}
	name := strings.ReplaceAll(strings.TrimPrefix(sym.Content(f.Src), ":"), "_", "-")
	f.ReadName(verify.Flag, name, sym, "Thor "+method.Content(f.Src), boolean)
}

// configX reads Rails custom configuration, config.x.payment.retries
// (set in config/application.rb, read as Rails.configuration.x...): the
// whole chain is the key.
func configX(f *lang.File, x *sitter.Node) {
	recv := x.ChildByFieldName("receiver")
	if recv == nil {
		return
	}
	switch r := recv.Content(f.Src); r {
	case "config", "Rails.configuration", "Rails.application.config", "Rails.application.configuration":
	default:
		return
	}
	// climb to the outermost call of the chain
	segs := []string{"config", "x"}
	top := x
	for p := x.Parent(); p != nil && p.Type() == "call"; p = p.Parent() {
		if r := p.ChildByFieldName("receiver"); r == nil || r.StartByte() != top.StartByte() || r.EndByte() != top.EndByte() {
			break
		}
		m := p.ChildByFieldName("method")
		if m == nil {
			break
		}
		segs = append(segs, strings.TrimSuffix(m.Content(f.Src), "="))
		top = p
	}
	if len(segs) > 2 {
		f.ReadName(verify.Config, strings.Join(segs, "."), top, "Rails config.x", false)
	}
}

// konfigRoot is the structure a Konfig schema's groups hang from.
const konfigRoot = "Konfig"

// konfigSchema reads a Konfig schema: each group a section of the config
// file, each typed attribute in it (string :web_hostname) a key of the
// section, postal.web_hostname.
func konfigSchema(f *lang.File, draw *sitter.Node) {
	block := draw.ChildByFieldName("block")
	if block == nil {
		return
	}
	eachSymbolCall(block, f.Src, func(group *sitter.Node, method, name string) {
		if method != "group" {
			return
		}
		owner := konfigRoot + "::" + name
		f.AddField(verify.Field{Owner: konfigRoot, Key: name, Type: owner, Site: f.Site(group), Via: "Konfig schema group"})
		if b := group.ChildByFieldName("block"); b != nil {
			eachSymbolCall(b, f.Src, func(attr *sitter.Node, method, name string) {
				if method != "group" {
					f.AddField(verify.Field{Owner: owner, Key: name, Site: f.Site(attr), Via: "Konfig schema " + method})
				}
			})
		}
	})
}

// konfigEnv reads Konfig's environment source: every key of the schema
// is also read from GROUP_KEY.
func konfigEnv(f *lang.File, n *sitter.Node) {
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Nest: "_", Scope: konfigRoot, Site: f.Site(n), Via: "Konfig::Sources::Environment"})
}

// eachSymbolCall calls fn for each call directly in a block's body whose
// first argument is a symbol (group :postal, string :web_hostname).
func eachSymbolCall(block *sitter.Node, src []byte, fn func(call *sitter.Node, method, name string)) {
	body := block
	if b := block.ChildByFieldName("body"); b != nil {
		body = b
	}
	for i := 0; i < int(body.NamedChildCount()); i++ {
		c := body.NamedChild(i)
		if c.Type() != "call" {
			continue
		}
		m, args := c.ChildByFieldName("method"), c.ChildByFieldName("arguments")
		if m == nil || args == nil || args.NamedChildCount() == 0 || args.NamedChild(0).Type() != "simple_symbol" {
			continue
		}
		fn(c, m.Content(src), strings.TrimPrefix(args.NamedChild(0).Content(src), ":"))
	}
}

var (
	executablesRE = regexp.MustCompile(`\.executables\s*(?:=|<<)\s*(?:%w[\[(]([^\])]*)[\])]|\[([^\]]*)\]|["']([^"']+)["'])`)
	quotedRE      = regexp.MustCompile(`["']([^"']+)["']`)
	gemDepRE      = regexp.MustCompile(`(?m)^\s*(?:\w+\.)?(?:add_(?:runtime_|development_)?dependency|gem)\s*\(?\s*["']([^"']+)["']`)
)

// gemspec reads a gem's executables (its programs) and dependencies.
func gemspec(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	var progs []verify.Program
	for _, m := range executablesRE.FindAllSubmatchIndex(src, -1) {
		switch {
		case m[2] >= 0:
			for _, w := range strings.Fields(string(src[m[2]:m[3]])) {
				progs = append(progs, verify.Program{Name: w, Site: lang.SiteAt(src, m[2]), Via: "gemspec executables"})
			}
		case m[4] >= 0:
			for _, q := range quotedRE.FindAllSubmatch(src[m[4]:m[5]], -1) {
				progs = append(progs, verify.Program{Name: string(q[1]), Site: lang.SiteAt(src, m[4]), Via: "gemspec executables"})
			}
		case m[6] >= 0:
			progs = append(progs, verify.Program{Name: string(src[m[6]:m[7]]), Site: lang.SiteAt(src, m[6]), Via: "gemspec executables"})
		}
	}
	return progs, deps(src)
}

func gemfile(_ string, src []byte) ([]verify.Program, []verify.Dependency) { return nil, deps(src) }

func deps(src []byte) []verify.Dependency {
	var out []verify.Dependency
	for _, m := range gemDepRE.FindAllSubmatchIndex(src, -1) {
		out = append(out, verify.Dependency{Name: string(src[m[2]:m[3]]), Site: lang.SiteAt(src, m[2])})
	}
	return out
}
