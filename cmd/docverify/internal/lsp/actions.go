package lsp

import (
	"strings"
)

// suppressReason is the reason a suppression is inserted with: a
// suppression without one is a finding of its own (DV3001), and the
// placeholder asks for the real reason where the user will see it.
const suppressReason = "TODO: say why this is not drift"

// codeActions are the quick fixes for the docverify diagnostics in a
// request: replace a misspelt name with the real one, or suppress the
// finding with a comment above its block.
func (s *server) codeActions(p CodeActionParams) []CodeAction {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	var text []byte
	if d != nil {
		text = d.text
	}
	s.mu.Unlock()
	actions := []CodeAction{}
	if d == nil {
		return actions
	}
	lines := strings.Split(string(text), "\n")
	for _, diag := range p.Context.Diagnostics {
		if diag.Source != "docverify" || diag.Data == nil || diag.Data.Name == "" {
			continue
		}
		name := diag.Data.Name
		// only where the buffer still says the name: the diagnostic may be
		// of an older text than the one the user is editing
		if sug := diag.Data.Suggestion; sug != "" && textAt(lines, diag.Range) == name {
			actions = append(actions, CodeAction{
				Title: "Replace " + name + " with " + sug + ", the name the code has", Kind: "quickfix",
				Diagnostics: []Diagnostic{diag}, IsPreferred: true,
				Edit: WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: diag.Range, NewText: sug}}}},
			})
		}
		if diag.Range.Start.Line < len(lines) && !strings.ContainsAny(name, " \t") {
			at, indent := blockStart(lines, diag.Range.Start.Line)
			comment := indent + "<!-- docverify-disable-next-line " + name + " -- " + suppressReason + " -->\n"
			actions = append(actions, CodeAction{
				Title: "Suppress " + name + " here, with a reason", Kind: "quickfix",
				Diagnostics: []Diagnostic{diag},
				Edit:        WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {{Range: Range{Start: Position{Line: at}, End: Position{Line: at}}, NewText: comment}}}},
			})
		}
	}
	return actions
}
