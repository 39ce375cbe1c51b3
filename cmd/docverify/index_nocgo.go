//go:build !cgo

package main

import (
	"context"
	"errors"

	"github.com/docverify/docverify/verify"
)

// Without cgo there are no tree-sitter grammars, so no code index: the run
// stops with this error rather than report every claim as missing.
var errNoCgo = errors.New("source indexing unavailable: this docverify was built with CGO_ENABLED=0, " +
	"and the tree-sitter grammars it reads code with need cgo; rebuild with a C compiler and CGO_ENABLED=1")

type codeIndex struct{}

func newCodeIndex(string, []string, options) (*codeIndex, error) { return nil, errNoCgo }

func (*codeIndex) build(context.Context, []string) (*verify.Index, error) { return nil, errNoCgo }
func (*codeIndex) mentions(context.Context, []verify.MentionQuery) (map[string][]verify.Evidence, int, error) {
	return nil, 0, errNoCgo
}
func (*codeIndex) stats() indexStats       { return indexStats{} }
func (*codeIndex) problems() []fileProblem { return nil }
func (*codeIndex) close() error            { return nil }
