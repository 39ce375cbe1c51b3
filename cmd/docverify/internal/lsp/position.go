package lsp

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/docverify/docverify/verify"
)

// nameRange is where a finding's name is on its line: from its column
// (counted in runes, as docverify reports) over the name when the text
// there is the name, else an empty range at the column. A file-level
// finding is at the start of the doc.
func nameRange(lines []string, f verify.Finding) Range {
	if f.Pos.Line < 1 || f.Pos.Line > len(lines) {
		return Range{}
	}
	line := lines[f.Pos.Line-1]
	off := byteOffset(line, max(f.Pos.Col-1, 0))
	start := Position{Line: f.Pos.Line - 1, Character: utf16Len(line[:off])}
	end := start
	if f.Name != "" && strings.HasPrefix(line[off:], f.Name) {
		end.Character += utf16Len(f.Name)
	}
	return Range{Start: start, End: end}
}

// byteOffset is the offset of the rune at index runes of s, or len(s).
func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

// utf16Len is the length of s in UTF-16 code units, the protocol's unit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// textAt is the text a single-line range covers, "" if it spans lines or
// lies outside the text.
func textAt(lines []string, r Range) string {
	if r.Start.Line != r.End.Line || r.Start.Line < 0 || r.Start.Line >= len(lines) {
		return ""
	}
	line := lines[r.Start.Line]
	from, to := utf16Offset(line, r.Start.Character), utf16Offset(line, r.End.Character)
	if from < 0 || to < from {
		return ""
	}
	return line[from:to]
}

// utf16Offset is the byte offset of a UTF-16 column in s, -1 past the end.
func utf16Offset(s string, col int) int {
	n := 0
	for i, r := range s {
		if n == col {
			return i
		}
		if n > col {
			return -1 // inside a surrogate pair
		}
		n += utf16Len(string(r))
	}
	if n == col {
		return len(s)
	}
	return -1
}

// blockStart is the first line of the Markdown block holding line (both
// zero-based) and that line's indentation: the opening of a fenced code
// block, else the line after the nearest blank line or heading above. A
// suppression comment goes there, since docverify-disable-next-line
// covers the block after it and a comment inside a paragraph would split
// it.
func blockStart(lines []string, line int) (int, string) {
	fenceOpen, fence := -1, ""
	for i := 0; i < line && i < len(lines); i++ {
		t := strings.TrimLeft(lines[i], " \t")
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fenceOpen, fence = i, t[:3]
		case fence != "" && strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "":
			fenceOpen, fence = -1, ""
		}
	}
	start := line
	if fence != "" {
		start = fenceOpen
	} else if !isHeading(lines[line]) {
		for start > 0 && strings.TrimSpace(lines[start-1]) != "" && !isHeading(lines[start-1]) && !isFence(lines[start-1]) {
			start--
		}
	}
	l := lines[start]
	return start, l[:len(l)-len(strings.TrimLeft(l, " \t"))]
}

func isHeading(l string) bool { return strings.HasPrefix(strings.TrimLeft(l, " "), "#") }

func isFence(l string) bool {
	t := strings.TrimLeft(l, " \t")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}
