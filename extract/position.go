package extract

import (
	"sort"
	"unicode/utf8"

	"github.com/docverify/docverify/verify"
)

// lineIndex turns byte offsets of a document into line and column.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// pos gives the 1-based line and the 1-based column, counted in
// characters, of a byte offset.
func (li *lineIndex) pos(file string, off int) verify.Pos {
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	if line < 0 {
		line = 0
	}
	col := utf8.RuneCount(li.src[li.starts[line]:min(off, len(li.src))]) + 1
	return verify.Pos{File: file, Line: line + 1, Col: col}
}

// line returns the 1-based line number of an offset.
func (li *lineIndex) line(off int) int {
	return sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
}

// lineText returns the text of a 1-based line, without its newline.
func (li *lineIndex) lineText(n int) string {
	if n < 1 || n > len(li.starts) {
		return ""
	}
	start := li.starts[n-1]
	end := len(li.src)
	if n < len(li.starts) {
		end = li.starts[n] - 1
	}
	return string(li.src[start:end])
}
