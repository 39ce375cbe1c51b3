// Package lines turns byte offsets in a file into the 1-based line and
// character column an editor shows. A lookup costs the same whatever the
// length of the line, so a minified one-line file with thousands of
// sites costs what its size costs, not its size squared.
package lines

import "sort"

// chunk is how far apart the character-count checkpoints are: a column
// lookup reads at most this many bytes.
const chunk = 512

// Table answers position questions about one file's bytes. It is built
// in one pass and never rescans a line.
type Table struct {
	src    []byte
	starts []int // byte offset of each line
	// cont[i] counts the UTF-8 continuation bytes in src[:i*chunk]; a
	// column is the byte distance from the line start less the
	// continuation bytes in between. nil when the file is ASCII.
	cont []int32
}

// New indexes src. The table keeps src; it must not change afterwards.
func New(src []byte) *Table {
	t := &Table{src: src, starts: []int{0}}
	ascii := true
	for i, b := range src {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		} else if b >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return t
	}
	t.cont = make([]int32, len(src)/chunk+1)
	var n int32
	for i, b := range src {
		if i%chunk == 0 {
			t.cont[i/chunk] = n
		}
		if b&0xC0 == 0x80 {
			n++
		}
	}
	if len(src)%chunk == 0 {
		t.cont[len(src)/chunk] = n // the checkpoint at the very end
	}
	return t
}

// Lines is the number of lines, counting a last one without a newline.
func (t *Table) Lines() int { return len(t.starts) }

// Line is the 1-based line of a byte offset; offsets past the end are on
// the last line.
func (t *Table) Line(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
}

// Pos is the 1-based line and the 1-based column, counted in characters,
// of a byte offset.
func (t *Table) Pos(off int) (line, col int) {
	off = max(0, min(off, len(t.src)))
	line = t.Line(off)
	start := t.starts[line-1]
	return line, off - start - (t.contBefore(off) - t.contBefore(start)) + 1
}

// contBefore counts the continuation bytes in src[:off].
func (t *Table) contBefore(off int) int {
	if t.cont == nil {
		return 0
	}
	base := off / chunk * chunk
	n := int(t.cont[off/chunk])
	for _, b := range t.src[base:off] {
		if b&0xC0 == 0x80 {
			n++
		}
	}
	return n
}

// Text is a 1-based line without its newline; "" outside the file.
func (t *Table) Text(line int) string {
	if line < 1 || line > len(t.starts) {
		return ""
	}
	start, end := t.starts[line-1], len(t.src)
	if line < len(t.starts) {
		end = t.starts[line] - 1
	}
	return string(t.src[start:end])
}

// Start is the byte offset where a 1-based line starts.
func (t *Table) Start(line int) int {
	return t.starts[max(0, min(line, len(t.starts))-1)]
}
