// Package lang is what every language package shares: the Spec a language
// fills in, the capture names that are the contract between its queries
// and the code that turns captures into code facts, and the engine that
// runs the queries. It is the only package besides the grammar bindings in
// langs/<lang> that imports tree-sitter.
//
// # Capture names
//
// A language's queries.scm marks nodes with these captures; a capture whose
// name starts with "_" is private to its pattern (used by predicates).
//
//	@env.read @flag.read @config.read @feature.read
//	    A read of a name: the node is an expression whose value is the name
//	    (a literal, a constant, a concatenation, a format call).
//	@env.read.name @flag.read.name @config.read.name @feature.read.name
//	    The node's text is the name itself (process.env.NAME, a destructured key).
//	@env.read.list
//	    A literal holding several comma-separated env names ("A,B").
//	@flag.spec
//	    A literal flag specification, "-d, --dry-run <x>", "--shout/--no-shout":
//	    every --long token is a flag; a spec without dashes is a bare name.
//	@flag.field
//	    A field or parameter a CLI library turns into a flag (dry_run, dryRun → --dry-run).
//	@flag.negatable
//	    Marks the flags of the same match as booleans that also accept --no-NAME.
//	@config.section
//	    With @config.read in the same match: a section the key is read in (configparser).
//	@via
//	    The node whose text names the idiom for messages (os.Getenv); optional.
//	@const.name @const.value   A named string constant other files may refer to.
//	@local.name @local.value   What a local variable is assigned, for reads through it in
//	                           the same function ("APP_" + key, Sprintf("%s%s", prefix, name)).
//	@call.func @call.arg       A call with a literal argument, for resolving wrappers.
//	@call.func @call.param     A call with a bare identifier argument: when the
//	                           identifier is a parameter of the enclosing function,
//	                           the call forwards it (wrappers of wrappers).
//	@program.main              The file is a program's entry point.
//	@env.iterate               The file walks the whole environment (Object.keys(process.env),
//	                           os.environ.items(), os.Environ()).
//	@env.prefix.test           A prefix test (startsWith, strings.HasPrefix, startswith).
//	@env.prefix.literal        A literal shaped like an env prefix ("VITE_"): in a file that
//	                           walks the environment and tests prefixes, every name with that
//	                           prefix may be read.
//	@derive.<kind>.<from> @derive.<kind>.<from>.prefix
//	    The code builds <kind> names from <from> names at run time, with an
//	    optional prefix: viper's AutomaticEnv and SetEnvPrefix, click's
//	    auto_envvar_prefix. Kinds are env, flag, config, feature.
//	@<lang>.*                  A capture the language handles itself (Spec.Custom).
package lang

import (
	"bytes"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/verify"
)

// Spec describes one language to the engine.
type Spec struct {
	Name string // the name used in output and the registry: "go", "python"
	// Idioms say what the language's queries read, for the README's
	// table of languages, which a test keeps equal to them.
	Idioms     Idioms
	Title      string   // the name people write: "Go", "Python"
	Extensions []string // file name endings, with the dot: ".go"
	// Interpreters are the programs a script's #! line runs that make an
	// extensionless file one of this language: "ruby" for bin/rubocop.
	Interpreters []string
	// Grammar returns the tree-sitter grammar.
	Grammar func() *sitter.Language
	// Queries is the language's queries.scm.
	Queries string
	// Needles are byte strings one of which a file must contain to be worth
	// parsing: every read site any query can match needs one of them.
	Needles []string
	// IsTest reports whether a slash path is a test file, whose reads are
	// only mentions.
	IsTest func(path string) bool
	// Value breaks an expression into literal parts, references to names and
	// unknown parts, so that "APP_" + key reads as the prefix APP_.
	Value func(n *sitter.Node, src []byte) []Part
	// Function reports whether n is a function definition, with its name and
	// parameter names (without a receiver like self).
	Function func(n *sitter.Node, src []byte) (Function, bool)
	// Program names the program whose entry point is the file at path.
	Program func(path string, p Project) string
	// Custom handles the language's own captures (@<lang>.*).
	Custom map[string]Handler
	// Manifests read build manifests (go.mod, package.json, pyproject.toml)
	// for the repository's programs and dependencies, by file base name;
	// a name may be a glob ("requirements*.txt").
	Manifests map[string]Manifest
}

// Idioms describe, in the README's words, what a language is read for.
type Idioms struct {
	Env, Flags, Config, Features, Programs string
}

// Part is a piece of an expression used as a name.
type Part struct {
	Lit     string // a literal piece
	Ref     string // an identifier whose value is not known here
	Unknown bool   // a piece computed at run time
}

// Function is a function definition.
type Function struct {
	Name   string
	Params []string
}

// Project is what the engine knows of the repository as a whole.
type Project struct {
	RootName string // the base name of the root directory
}

// Handler turns one custom capture into facts.
type Handler func(f *File, n *sitter.Node)

// Manifest reads a build manifest for programs and dependencies.
type Manifest func(path string, src []byte) ([]verify.Program, []verify.Dependency)

// SiteAt is the position of byte off of a file, for facts found by
// reading a manifest's text rather than a syntax tree.
func SiteAt(src []byte, off int) verify.Site {
	off = max(0, min(off, len(src)))
	line := bytes.Count(src[:off], []byte("\n")) + 1
	return verify.Site{Line: line, Col: off - bytes.LastIndexByte(src[:off], '\n')}
}

// TextSite is the position of the first occurrence of text in src, or
// the file's start when it does not occur.
func TextSite(src []byte, text string) verify.Site {
	i := bytes.Index(src, []byte(text))
	if i < 0 {
		return verify.Site{Line: 1, Col: 1}
	}
	return SiteAt(src, i)
}

// NamedFunction reads a function definition of one of types whose
// grammar puts its name in a "name" field and its parameters in a
// "parameters" field, each with its own "name" field: Java, C#, PHP.
func NamedFunction(n *sitter.Node, src []byte, types ...string) (Function, bool) {
	match := false
	for _, t := range types {
		match = match || n.Type() == t
	}
	if !match {
		return Function{}, false
	}
	var fn Function
	if name := n.ChildByFieldName("name"); name != nil {
		fn.Name = name.Content(src)
	}
	if params := n.ChildByFieldName("parameters"); params != nil {
		for i := 0; i < int(params.NamedChildCount()); i++ {
			if name := params.NamedChild(i).ChildByFieldName("name"); name != nil {
				fn.Params = append(fn.Params, name.Content(src))
			}
		}
	}
	return fn, true
}

// FirstChild is n's first named child of type typ, or nil: for grammars
// that give few children field names (Kotlin's, C#'s attributes).
func FirstChild(n *sitter.Node, typ string) *sitter.Node {
	if n == nil {
		return nil
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if c := n.NamedChild(i); c.Type() == typ {
			return c
		}
	}
	return nil
}

// LastChild is n's last named child of type typ, or nil.
func LastChild(n *sitter.Node, typ string) *sitter.Node {
	if n == nil {
		return nil
	}
	for i := int(n.NamedChildCount()) - 1; i >= 0; i-- {
		if c := n.NamedChild(i); c.Type() == typ {
			return c
		}
	}
	return nil
}
