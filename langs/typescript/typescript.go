// Package typescript teaches docverify to read TypeScript and TSX. The
// TypeScript grammar extends JavaScript's, so the queries, value reading
// and handlers are the javascript package's; this package adds the
// grammars and file endings.
package typescript

import (
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"

	"github.com/docverify/docverify/langs/javascript"
	"github.com/docverify/docverify/langs/lang"
)

// Spec is TypeScript (.ts, .mts, .cts).
var Spec = &lang.Spec{
	Name:       "typescript",
	Title:      "TypeScript",
	Idioms:     javascript.Spec.Idioms,
	Extensions: []string{".ts", ".mts", ".cts"},
	Grammar:    typescript.GetLanguage,
	Queries:    javascript.Queries,
	Needles:    javascript.Needles,
	IsTest:     javascript.IsTest,
	Value:      javascript.Value,
	Function:   javascript.Function,
	Program:    javascript.Program,
	Custom:     javascript.Custom,
}

// TSXSpec is TypeScript with JSX (.tsx), which has a grammar of its own.
var TSXSpec = &lang.Spec{
	Name:       "typescript",
	Title:      "TypeScript",
	Idioms:     javascript.Spec.Idioms,
	Extensions: []string{".tsx"},
	Grammar:    tsx.GetLanguage,
	Queries:    javascript.Queries,
	Needles:    javascript.Needles,
	IsTest:     javascript.IsTest,
	Value:      javascript.Value,
	Function:   javascript.Function,
	Program:    javascript.Program,
	Custom:     javascript.Custom,
}
