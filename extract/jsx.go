package extract

import (
	"bytes"
	"regexp"
	"strings"
)

// jsxTagLineRE is a line that holds nothing but component tags: <Tabs>,
// </Tab>, <Tab value="curl">, <Steps><Step>.
var jsxTagLineRE = regexp.MustCompile(`^[ \t]*(?:</?[A-Za-z][\w.:-]*(?:[ \t]+[^<>\n]*)?/?>[ \t]*)+\r?$`)

// componentTagRE is the same for a component's tags, which start with a
// capital letter (<Tab>, </TabItem>); HTML's are lower-case.
var componentTagRE = regexp.MustCompile(`^[ \t]*(?:</?[A-Z][\w.:-]*(?:[ \t]+[^<>\n]*)?/?>[ \t]*)+\r?$`)

// blankComponentTags replaces the lines that hold only component tags
// with spaces, keeping line breaks so that every offset stays true.
//
// MDX reads Markdown between a component's tags, but CommonMark starts an
// HTML block at a line like </Tab> and ends it only at a blank line: the
// ```bash fence right under <Tab value="curl"> is swallowed, and the
// script's lines become prose, its local variables "documented" env
// vars. In an .mdx page every tag-only line is a component's; in a .md
// page (Docusaurus reads those as MDX too) only capitalised ones are, so
// a CommonMark <details> block keeps its meaning. A line that marks a
// paid edition (<EnterpriseBadge />) is kept for the edition reader.
// Lines inside fenced code are never touched: an XML sample is code.
func blankComponentTags(path string, src []byte) []byte {
	if !bytes.Contains(src, []byte("</")) && !bytes.Contains(src, []byte("/>")) {
		return src
	}
	tagLine := componentTagRE
	if strings.HasSuffix(strings.ToLower(path), ".mdx") {
		tagLine = jsxTagLineRE
	}
	out := src
	copied := false
	var fence []byte // the open fence's marker, nil outside code
	forEachLine(src, func(off, end int) {
		line := src[off:end]
		trimmed := bytes.TrimLeft(line, " \t")
		switch {
		case fence != nil:
			if bytes.HasPrefix(trimmed, fence) && len(bytes.TrimSpace(bytes.TrimLeft(trimmed, string(fence[:1])))) == 0 {
				fence = nil
			}
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			n := 0
			for n < len(trimmed) && trimmed[n] == trimmed[0] {
				n++
			}
			fence = trimmed[:n]
		case tagLine.Match(line) && editionMark(string(line)) == "":
			if !copied {
				out, copied = append([]byte(nil), src...), true
			}
			for i := off; i < end; i++ {
				if out[i] != '\r' {
					out[i] = ' '
				}
			}
		}
	})
	return out
}
