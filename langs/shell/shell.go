// Package shell teaches docverify to read sh and bash scripts: the
// environment variables a script expands (${X:-default}, ${X:?}, and $X
// where the script never sets X), and the --flags of its option loop
// (case "$1" in --dry-run) ...). A script is a program named after its
// file.
package shell

import (
	_ "embed"
	"path"
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/bash"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the shell language.
var Spec = &lang.Spec{
	Name:  "shell",
	Title: "shell",
	Idioms: lang.Idioms{
		Env:      "`${X:-default}`, `${X:?}`, `${X:=default}`, and `$X` where the script does not set `X`",
		Flags:    "`case \"$1\" in --flag)` option loops",
		Config:   "",
		Features: "",
		Programs: "every `.sh`, `.bash`, `.zsh`, `.ksh` script, by its name",
	},
	Extensions:   []string{".sh", ".bash", ".zsh", ".ksh"}, // zsh and ksh read variables as bash does
	Interpreters: []string{"sh", "bash", "dash", "ksh", "zsh"},
	Grammar:      bash.GetLanguage,
	Queries:      queries,
	Needles:      []string{"$", "--"},
	IsTest: func(p string) bool {
		return strings.Contains(p, "/test/") || strings.Contains(p, "/tests/") || strings.HasSuffix(p, "_test.sh") || strings.HasSuffix(p, ".bats")
	},
	Value:    func(n *sitter.Node, src []byte) []lang.Part { return []lang.Part{{Unknown: true}} },
	Function: function,
	Program:  program,
	Custom:   map[string]lang.Handler{"shell.file": file},
}

// program names a script after its file: deploy.sh is deploy. A script
// in a completion directory (completions/, bash_completion.d/) is named
// after the command it completes, often another project's (prek.bash in
// bash-completion): it is no program of this repository.
func program(p string, _ lang.Project) string {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if strings.Contains(strings.ToLower(seg), "completion") {
			return ""
		}
	}
	return strings.TrimSuffix(path.Base(p), path.Ext(p))
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	if n.Type() != "function_definition" {
		return lang.Function{}, false
	}
	fn := lang.Function{}
	if name := n.ChildByFieldName("name"); name != nil {
		fn.Name = name.Content(src)
	}
	return fn, true
}

// file reads a whole script.
func file(f *lang.File, root *sitter.Node) {
	set := map[string]bool{}
	var expansions, plain []*sitter.Node
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		switch n.Type() {
		case "variable_assignment":
			if name := n.ChildByFieldName("name"); name != nil {
				set[name.Content(f.Src)] = true
			}
		case "for_statement":
			if v := n.ChildByFieldName("variable"); v != nil {
				set[v.Content(f.Src)] = true
			}
		case "command":
			// read X, getopts spec X
			if name := n.ChildByFieldName("name"); name != nil {
				switch name.Content(f.Src) {
				case "read", "getopts":
					for i := 0; i < int(n.NamedChildCount()); i++ {
						if a := n.NamedChild(i); a.Type() == "word" {
							set[a.Content(f.Src)] = true
						}
					}
				}
			}
		case "expansion":
			expansions = append(expansions, n)
		case "simple_expansion":
			plain = append(plain, n)
		case "case_statement":
			caseFlags(f, n)
		}
		for i := 0; i < int(n.NamedChildCount()); i++ {
			walk(n.NamedChild(i))
		}
	}
	walk(root)
	if name := program(f.Path, lang.Project{}); name != "" {
		f.Facts.Programs = append(f.Facts.Programs, verify.Program{Name: name, Site: verify.Site{Line: 1, Col: 1}, Via: "shell script"})
	}
	for _, n := range expansions {
		v := variableOf(n)
		if v == nil || !envShaped(v.Content(f.Src)) {
			continue
		}
		// ${X:-default}, ${X:=default}, ${X:?message}: the script expects
		// X from its caller, whatever it sets later
		if hasOperator(n, f.Src) || !set[v.Content(f.Src)] {
			f.ReadName(verify.Env, v.Content(f.Src), v, "${"+v.Content(f.Src)+"} in a shell script", false)
		}
	}
	for _, n := range plain {
		v := variableOf(n)
		if v != nil && envShaped(v.Content(f.Src)) && !set[v.Content(f.Src)] {
			f.ReadName(verify.Env, v.Content(f.Src), v, "$"+v.Content(f.Src)+" in a shell script", false)
		}
	}
}

func variableOf(n *sitter.Node) *sitter.Node {
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); c.Type() == "variable_name" {
			return c
		}
	}
	return nil
}

// hasOperator reports a default, assignment or error operator in an
// expansion: ${X:-a}, ${X-a}, ${X:=a}, ${X:?}, ${X:+a}.
func hasOperator(n *sitter.Node, src []byte) bool {
	text := n.Content(src)
	name := variableOf(n)
	if name == nil {
		return false
	}
	rest := strings.TrimPrefix(text[int(name.EndByte()-n.StartByte()):], ":")
	return rest != "" && strings.ContainsRune("-=?+", rune(rest[0]))
}

// envShaped keeps the variables that are plausibly the environment's:
// upper case, not positional or special.
func envShaped(name string) bool {
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for _, r := range name {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// caseFlags reads an option loop, case "$1" in --dry-run) ...: every
// pattern that starts with -- is a flag.
func caseFlags(f *lang.File, n *sitter.Node) {
	value := n.ChildByFieldName("value")
	if value == nil || !strings.Contains(value.Content(f.Src), "$") {
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		item := n.NamedChild(i)
		if item.Type() != "case_item" {
			continue
		}
		for j := 0; j < int(item.ChildCount()); j++ {
			if item.FieldNameForChild(j) != "value" {
				continue
			}
			pat := item.Child(j)
			text := pat.Content(f.Src)
			if (text == "*" || text == "-*" || text == "--*") && collectsArgument(item.Content(f.Src)) {
				// *) EXTRA="${EXTRA} $1": unknown options go on to another program
				f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: verify.Flag, Site: lang.SiteAt(f.Src, int(pat.StartByte())), Via: "an option loop that passes unknown options on", PassesOn: true})
				continue
			}
			if !strings.HasPrefix(text, "--") {
				continue
			}
			name := strings.TrimPrefix(text, "--")
			name = strings.TrimSuffix(strings.TrimSuffix(name, "*"), "=")
			if name != "" && !strings.ContainsAny(name, "*?[|") {
				f.ReadName(verify.Flag, name, pat, "case pattern in a shell script", false)
			}
		}
	}
}

// collectsArgumentRE finds a case branch that appends the current argument
// to a variable: X="${X} $1", X="$X $1", X+=("$1").
var collectsArgumentRE = regexp.MustCompile(`\w+(\+)?=\(?"?(\$\{?\w+(-)?\}?\s+)?\$\{?1\}?"?\)?`)

func collectsArgument(branch string) bool {
	return collectsArgumentRE.MatchString(branch)
}
