// Package php teaches docverify to read PHP: getenv, $_ENV and $_SERVER,
// Laravel's env() and config(), Symfony's %env(X)% parameters and console
// options, Artisan command signatures, feature-flag SDKs, and the
// programs and dependencies of composer.json.
package php

import (
	_ "embed"
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/php"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the PHP language.
var Spec = &lang.Spec{
	Name:  "php",
	Title: "PHP",
	Idioms: lang.Idioms{
		Env:      "`getenv`, `$_ENV`, `$_SERVER`, Laravel `env()`, Symfony `%env(X)%` in PHP and in config files",
		Flags:    "Artisan `$signature`, Symfony console `addOption` and `new InputOption`",
		Config:   "Laravel `config()` and `Config::get`",
		Features: "Laravel Pennant, LaunchDarkly, Unleash, OpenFeature, Split",
		Programs: "`composer.json` `bin` and requirements",
	},
	Extensions:   []string{".php"},
	Interpreters: []string{"php"},
	Grammar:      php.GetLanguage,
	Queries:      queries,
	Needles: []string{"getenv", "env(", "strtoupper", "_ENV", "_SERVER", "config(", "Config::", "%env(", "signature", "addOption", "InputOption",
		"Feature::", "variation", "isEnabled", "Value(", "getTreatment"},
	IsTest: func(p string) bool {
		return strings.HasPrefix(p, "tests/") || strings.Contains(p, "/tests/") || strings.HasSuffix(p, "Test.php")
	},
	Value:     value,
	Function:  function,
	Program:   func(string, lang.Project) string { return "" }, // programs come from composer.json
	Custom:    map[string]lang.Handler{"php.envparam": envParam, "php.signature": signature},
	Manifests: map[string]lang.Manifest{"composer.json": composer},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string", "encapsed_string":
		var out []lang.Part
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_content", "string_value":
				out = append(out, lang.Part{Lit: c.Content(src)})
			case "variable_name":
				out = append(out, lang.Part{Ref: strings.TrimPrefix(c.Content(src), "$")})
			default:
				out = append(out, lang.Part{Unknown: true})
			}
		}
		if len(out) == 0 {
			return []lang.Part{{Lit: ""}}
		}
		return out
	case "name":
		return []lang.Part{{Ref: n.Content(src)}}
	case "variable_name":
		return []lang.Part{{Ref: strings.TrimPrefix(n.Content(src), "$")}}
	case "class_constant_access_expression":
		if c := n.NamedChildCount(); c > 0 {
			return []lang.Part{{Ref: n.NamedChild(int(c) - 1).Content(src)}}
		}
	case "binary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && op.Content(src) == "." {
			return append(value(n.ChildByFieldName("left"), src), value(n.ChildByFieldName("right"), src)...)
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	}
	return []lang.Part{{Unknown: true}}
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	fn, ok := lang.NamedFunction(n, src, "function_definition", "method_declaration")
	for i, p := range fn.Params {
		fn.Params[i] = strings.TrimPrefix(p, "$")
	}
	return fn, ok
}

// EnvParamRE finds Symfony's env placeholders, %env(X)% with optional
// processors (%env(int:default:fallback:X)%): the name is the last part.
var EnvParamRE = regexp.MustCompile(`%env\(((?:[a-z_]+:)*)([A-Za-z_][A-Za-z0-9_]*)\)%`)

func envParam(f *lang.File, lit *sitter.Node) {
	readMatches(f, lit, EnvParamRE, 2, verify.Env, "%env()% parameter")
}

// signatureOptionRE finds the options of an Artisan signature: {--queue=},
// {--F|force}, {--id=*}.
var signatureOptionRE = regexp.MustCompile(`\{\s*--(?:[A-Za-z]\|)?([A-Za-z0-9][A-Za-z0-9_-]*)`)

func signature(f *lang.File, lit *sitter.Node) {
	readMatches(f, lit, signatureOptionRE, 1, verify.Flag, "Artisan signature")
}

// readMatches records a read of group g of every match of re in a literal,
// at its place inside the literal.
func readMatches(f *lang.File, lit *sitter.Node, re *regexp.Regexp, g int, kind verify.Kind, via string) {
	s, ok := f.Literal(lit)
	if !ok {
		return
	}
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		f.ReadNameAt(kind, s[m[2*g]:m[2*g+1]], lit, m[2*g], via, false)
	}
}

// composer reads composer.json: its bin scripts are programs, its
// require and require-dev entries dependencies.
func composer(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	var c struct {
		Bin        json.RawMessage   `json:"bin"`
		Require    map[string]string `json:"require"`
		RequireDev map[string]string `json:"require-dev"`
	}
	if err := json.Unmarshal(src, &c); err != nil {
		return nil, nil
	}
	var bins []string
	if len(c.Bin) > 0 {
		var one string
		if json.Unmarshal(c.Bin, &one) == nil {
			bins = []string{one}
		} else {
			_ = json.Unmarshal(c.Bin, &bins)
		}
	}
	var progs []verify.Program
	for _, b := range bins {
		name := b[strings.LastIndexByte(b, '/')+1:]
		progs = append(progs, verify.Program{Name: strings.TrimSuffix(name, ".php"), Site: lang.TextSite(src, `"`+b+`"`), Via: "composer.json bin"})
	}
	var deps []verify.Dependency
	for _, m := range []map[string]string{c.Require, c.RequireDev} {
		for name := range m {
			deps = append(deps, verify.Dependency{Name: name, Site: lang.TextSite(src, `"`+name+`"`)})
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Name < deps[j].Name })
	return progs, deps
}
