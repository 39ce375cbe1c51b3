// Package rust teaches docverify to read Rust: env reads (std::env,
// env!/option_env!, dotenvy), clap flags from derive attributes and the
// builder, serde structures as config keys (rename, rename_all, flatten),
// env prefixes of config-rs, figment and envy, feature-flag SDK calls,
// and the programs of Cargo.toml.
package rust

import (
	_ "embed"
	"path"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/rust"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Rust language.
var Spec = &lang.Spec{
	Name:  "rust",
	Title: "Rust",
	Idioms: lang.Idioms{
		Env:      "`std::env::var`/`var_os`, `env!`/`option_env!`, dotenvy, clap `env`, config-rs/figment/envy prefixes",
		Flags:    "clap derive (`#[arg(long)]`, field names) and builder, structopt, argh",
		Config:   "serde structures (`rename`, `rename_all`, `flatten`, `alias`)",
		Features: "LaunchDarkly, OpenFeature, Unleash",
		Programs: "`Cargo.toml` package, `[[bin]]`, dependencies; `src/bin/*`",
	},
	Extensions: []string{".rs"},
	Grammar:    rust.GetLanguage,
	Queries:    queries,
	Needles: []string{"env", "long", "arg(", "clap", "structopt", "argh", "serde", "Deserialize", "prefixed", "with_prefix",
		"_variation", "_value", "is_enabled", "fn main"},
	IsTest: func(p string) bool {
		return strings.HasPrefix(p, "tests/") || strings.Contains(p, "/tests/") || strings.HasPrefix(p, "benches/") || strings.Contains(p, "/benches/")
	},
	Value:     value,
	Function:  function,
	Program:   program,
	Custom:    map[string]lang.Handler{"rust.struct": structItem, "rust.enum": enumItem, "rust.root": root, "rust.envprefix": envPrefix, "rust.version": versionFlag},
	Manifests: map[string]lang.Manifest{"Cargo.toml": cargoToml},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string_literal", "raw_string_literal":
		return []lang.Part{{Lit: stringContent(n, src)}}
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "scoped_identifier":
		if name := n.ChildByFieldName("name"); name != nil {
			return []lang.Part{{Ref: name.Content(src)}}
		}
	case "reference_expression":
		if v := n.ChildByFieldName("value"); v != nil {
			return value(v, src)
		}
	case "macro_invocation":
		// format!("{}_USER", prefix), concat!("APP_", "X")
		m := n.ChildByFieldName("macro")
		tt := lang.LastChild(n, "token_tree")
		if m == nil || tt == nil {
			break
		}
		var args []*sitter.Node
		for i := 0; i < int(tt.NamedChildCount()); i++ {
			args = append(args, tt.NamedChild(i))
		}
		switch m.Content(src) {
		case "concat":
			var out []lang.Part
			for _, a := range args {
				out = append(out, value(a, src)...)
			}
			return out
		case "format":
			if len(args) > 0 && args[0].Type() == "string_literal" {
				return formatParts(stringContent(args[0], src), args[1:], src)
			}
		}
	}
	return []lang.Part{{Unknown: true}}
}

// formatParts breaks a format string into literal pieces and the values
// of its {} holes, which take the arguments in order ({name} refers to a
// variable by name).
func formatParts(format string, args []*sitter.Node, src []byte) []lang.Part {
	var out []lang.Part
	next := 0
	for {
		i := strings.IndexByte(format, '{')
		if i < 0 || i+1 >= len(format) {
			break
		}
		if format[i+1] == '{' {
			out = append(out, lang.Part{Lit: format[:i+1]})
			format = format[i+2:]
			continue
		}
		j := strings.IndexByte(format[i:], '}')
		if j < 0 {
			break
		}
		out = append(out, lang.Part{Lit: format[:i]})
		name, _, _ := strings.Cut(format[i+1:i+j], ":")
		switch {
		case name != "":
			out = append(out, lang.Part{Ref: name})
		case next < len(args):
			out = append(out, value(args[next], src)...)
			next++
		default:
			out = append(out, lang.Part{Unknown: true})
		}
		format = format[i+j+1:]
	}
	return append(out, lang.Part{Lit: strings.ReplaceAll(format, "}}", "}")})
}

func stringContent(n *sitter.Node, src []byte) string {
	s := n.Content(src)
	if strings.HasPrefix(s, "r") {
		s = strings.Trim(strings.TrimPrefix(s, "r"), "#")
	}
	return strings.Trim(s, `"`)
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	if n.Type() != "function_item" {
		return lang.Function{}, false
	}
	var fn lang.Function
	if name := n.ChildByFieldName("name"); name != nil {
		fn.Name = name.Content(src)
	}
	if params := n.ChildByFieldName("parameters"); params != nil {
		for i := 0; i < int(params.NamedChildCount()); i++ {
			p := params.NamedChild(i)
			if p.Type() != "parameter" {
				continue // self
			}
			if pat := p.ChildByFieldName("pattern"); pat != nil {
				fn.Params = append(fn.Params, pat.Content(src))
			}
		}
	}
	return fn, true
}

// program names the binary a main function builds: src/bin/NAME.rs or
// src/bin/NAME/main.rs is NAME; src/main.rs is the package's, named by its
// directory (Cargo.toml gives the package name too).
func program(p string, proj lang.Project) string {
	dir, base := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	switch {
	case path.Base(dir) == "bin" && strings.HasSuffix(base, ".rs"):
		return strings.TrimSuffix(base, ".rs")
	case base == "main.rs" && path.Base(path.Dir(dir)) == "bin":
		return path.Base(dir)
	case base == "main.rs" && path.Base(dir) == "src":
		if pkg := path.Dir(dir); pkg != "." {
			return path.Base(pkg)
		}
		return proj.RootName
	}
	return ""
}

// versionFlag reads clap's version setting, which defines --version (and
// -V) without a field: #[command(version)], Command::new("x").version("1").
func versionFlag(f *lang.File, n *sitter.Node) {
	f.ReadName(verify.Flag, "version", n, "clap's version setting", false)
}
