// Package typescript teaches docverify to read TypeScript and TSX. The
// TypeScript grammar extends JavaScript's, so the queries, value reading
// and handlers are the javascript package's; this package adds the
// grammars and file endings.
package typescript

import (
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"

	"github.com/docverify/docverify/langs/javascript"
	"github.com/docverify/docverify/langs/lang"
)

// Spec is TypeScript (.ts, .mts, .cts).
var Spec = spec(typescript.GetLanguage, ".ts", ".mts", ".cts")

// TSXSpec is TypeScript with JSX (.tsx), which has a grammar of its own.
var TSXSpec = spec(tsx.GetLanguage, ".tsx")

// spec is TypeScript with one of its grammars: the javascript package's
// queries, value reading and handlers serve both.
func spec(grammar func() *sitter.Language, exts ...string) *lang.Spec {
	return &lang.Spec{
		Name:       "typescript",
		Title:      "TypeScript",
		Idioms:     javascript.Spec.Idioms,
		Extensions: exts,
		Grammar:    grammar,
		Queries:    javascript.Queries,
		Needles:    javascript.Needles,
		IsTest:     javascript.IsTest,
		Value:      javascript.Value,
		Function:   javascript.Function,
		Program:    javascript.Program,
		Custom:     javascript.Custom,
	}
}
