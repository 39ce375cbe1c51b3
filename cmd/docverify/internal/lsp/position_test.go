package lsp

import (
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

func TestNameRangeCountsUTF16(t *testing.T) {
	// docverify's columns count runes; the protocol counts UTF-16 units,
	// two for a character outside the Basic Multilingual Plane
	lines := []string{"🚀 é `FEED_MODEE` on"}
	f := verify.Finding{Pos: verify.Pos{Line: 1, Col: 6}, Name: "FEED_MODEE"}
	got := nameRange(lines, f)
	want := Range{Start: Position{0, 6}, End: Position{0, 16}}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if s := textAt(lines, got); s != "FEED_MODEE" {
		t.Errorf("textAt = %q", s)
	}
	// the buffer moved on: an empty range at the column, not a wrong span
	f.Name = "OTHER"
	if got := nameRange(lines, f); got.End != got.Start {
		t.Errorf("a name not at its column got %+v", got)
	}
	// a line past the end of the text, or a file-level finding
	if got := nameRange(lines, verify.Finding{Pos: verify.Pos{Line: 9, Col: 1}}); got != (Range{}) {
		t.Errorf("past the end: %+v", got)
	}
}

func TestBlockStart(t *testing.T) {
	doc := strings.Split(strings.Join([]string{
		"# Settings",          // 0
		"Set `A` and",         // 1: a paragraph right under a heading
		"`B` too.",            // 2
		"",                    // 3
		"```yaml",             // 4
		"feed:",               // 5
		"  mode: x",           // 6
		"```",                 // 7
		"",                    // 8
		"- one item",          // 9
		"  - nested `C`",      // 10
		"    continued `D`",   // 11
		"## `E` in a heading", // 12
	}, "\n"), "\n")
	for _, c := range []struct {
		line, want int
		indent     string
	}{
		{2, 1, ""},   // to the paragraph's first line, not above the heading
		{6, 4, ""},   // a fenced block: before its opening fence
		{11, 9, ""},  // a list: its first item
		{12, 12, ""}, // a heading is a block of its own
	} {
		got, indent := blockStart(doc, c.line)
		if got != c.want || indent != c.indent {
			t.Errorf("line %d: got %d %q, want %d %q", c.line, got, indent, c.want, c.indent)
		}
	}
}
