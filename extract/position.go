package extract

import "github.com/docverify/docverify/verify"

// pos is the position in the doc of a byte offset.
func (e *extractor) pos(off int) verify.Pos {
	line, col := e.li.Pos(off)
	return verify.Pos{File: e.path, Line: line, Col: col}
}
