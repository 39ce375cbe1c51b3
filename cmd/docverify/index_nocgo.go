//go:build !cgo

package main

import (
	"context"
	"errors"

	"github.com/docverify/docverify/cmd/docverify/internal/config"
	"github.com/docverify/docverify/verify"
)

// Without cgo there are no tree-sitter grammars, so no code index: the run
// stops with this error rather than report every claim as missing.
var errNoCgo = errors.New("source indexing unavailable: this docverify was built with CGO_ENABLED=0, " +
	"and the tree-sitter grammars it reads code with need cgo; rebuild with a C compiler and CGO_ENABLED=1")

type codeIndex struct{}

// extension stands in for lang.Extension, which needs cgo.
type extension struct{}

func newCodeIndex(string, []string, options, map[string]extension) (*codeIndex, error) {
	return nil, errNoCgo
}

func (*codeIndex) build(context.Context, []string, []verify.FileFacts) (*verify.Index, error) {
	return nil, errNoCgo
}
func (*codeIndex) before(context.Context, []string, map[string][]byte) (*verify.Index, error) {
	return nil, errNoCgo
}
func (*codeIndex) mentions(context.Context, []verify.MentionQuery) (map[string][]verify.Evidence, int, error) {
	return nil, 0, errNoCgo
}
func (*codeIndex) stats() indexStats       { return indexStats{} }
func (*codeIndex) problems() []fileProblem { return nil }
func (*codeIndex) close() error            { return nil }

// indexAvailable stops a run before it reads anything: without grammars
// there is nothing to check against.
func indexAvailable() error { return errNoCgo }

func languageNames() []string { return nil } // not reached: indexAvailable stops the run first

func extensions(*config.Config, string) (map[string]extension, error) { return nil, nil }
