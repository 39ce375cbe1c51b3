package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docverify/docverify/verify"
)

// Suppression comments, in the manner of linters' inline directives:
//
//	<!-- docverify-disable-next-line [NAME ...] -- reason -->
//	<!-- docverify-disable [NAME ...] -- reason --> ... <!-- docverify-enable -->
//
// Without names they cover every claim; with names, only those.
var directiveRE = regexp.MustCompile(`<!--\s*docverify-(disable-next-line|disable|enable)\b([\s\S]*?)-->`)

type directiveKind uint8

const (
	disableNextLine directiveKind = iota
	disableRange
	enableRange
)

type directive struct {
	kind directiveKind
	line int // the line the comment ends on
	// d is what verify sees of a disable comment (nil for enable).
	d *verify.Directive
}

// directive reads the suppression comments in a piece of HTML that starts
// at document offset off.
func (e *extractor) directive(html string, off int) {
	for _, m := range directiveRE.FindAllStringSubmatchIndex(html, -1) {
		d := directive{line: e.li.Line(off + m[1] - 1)}
		switch html[m[2]:m[3]] {
		case "disable-next-line":
			d.kind = disableNextLine
		case "disable":
			d.kind = disableRange
		default:
			d.kind = enableRange
		}
		if d.kind != enableRange {
			body := html[m[4]:m[5]]
			reason := ""
			if i := reasonSeparator(body); i >= 0 {
				reason = strings.TrimSpace(body[i+2:])
				body = body[:i]
			}
			d.d = &verify.Directive{Pos: e.pos(off + m[0]), Names: strings.Fields(body), Reason: reason}
		}
		e.dirs = append(e.dirs, d)
	}
}

func (e *extractor) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		end = n.ClosureLine.Stop
	}
	e.directive(string(e.src[start:end]), start)
	e.htmlCells(start, end)
}

// htmlCellRE finds a table cell of raw HTML that holds one name:
// <td>exclude_files</td>, <td><code>--port</code></td>.
var htmlCellRE = regexp.MustCompile(`<td>\s*(?:<code>)?([A-Za-z_-][\w.-]*)(?:</code>)?\s*</td>`)

// htmlCells reads the cells of an HTML table that hold one name each, as
// a Markdown table's name column is read: reference pages written in raw
// HTML (deptrac's configuration table) name their keys so.
func (e *extractor) htmlCells(start, end int) {
	b := newBlock(e.src, start, end)
	cells := htmlCellRE.FindAllStringSubmatchIndex(b.raw, -1)
	for _, m := range cells {
		e.token(b.raw[m[2]:m[3]], start+m[2], b, m[2], m[3])
	}
	// <code> elsewhere in the block (<li>Set <code>CHROME_DATA_DIR</code>
	// to ...) is a code span of the block's text
	for _, m := range htmlCodeRE.FindAllStringSubmatchIndex(b.raw, -1) {
		inCell := false
		for _, c := range cells {
			if m[2] >= c[0] && m[3] <= c[1] {
				inCell = true
				break
			}
		}
		if !inCell {
			e.token(b.raw[m[2]:m[3]], start+m[2], b, m[2], m[3])
		}
	}
}

// htmlCodeRE finds a <code> element of an HTML block that holds one name.
var htmlCodeRE = regexp.MustCompile(`<code>\s*([A-Za-z_$-][\w.-]*)\s*</code>`)

// applySuppressions marks the claims that suppression comments cover.
func (e *extractor) applySuppressions() {
	if len(e.dirs) == 0 {
		return
	}
	for _, d := range e.dirs {
		if d.d != nil {
			e.directives = append(e.directives, d.d)
		}
	}
	for i := range e.claims {
		c := &e.claims[i]
		var active *directive
		for k := range e.dirs {
			d := &e.dirs[k]
			switch d.kind {
			case disableNextLine:
				if first := e.nextContentLine(d.line); c.Pos.Line >= first && c.Pos.Line <= e.blockEnd(first) && covers(d, c.Name, c.Text) {
					c.SuppressedBy = d.d
				}
			case disableRange:
				if d.line < c.Pos.Line && covers(d, c.Name, c.Text) {
					active = d
				}
			case enableRange:
				if d.line < c.Pos.Line {
					active = nil
				}
			}
		}
		if active != nil && c.SuppressedBy == nil {
			c.SuppressedBy = active.d
		}
	}
}

// blockEnd is the last line of the block that starts at line first, for
// disable-next-line: a wrapped paragraph or list item runs to a blank
// line or to the next item, heading, fence, comment or table row; a table
// row is one line.
func (e *extractor) blockEnd(first int) int {
	if strings.HasPrefix(strings.TrimSpace(e.li.Text(first)), "|") {
		return first
	}
	last := first
	for l := first + 1; l <= e.li.Lines(); l++ {
		t := strings.TrimSpace(e.li.Text(l))
		if t == "" || blockStartRE.MatchString(t) {
			break
		}
		last = l
	}
	return last
}

// blockStartRE is a line that starts a block of its own: a list item, a
// heading, a fence, a comment, a table row, a quote.
var blockStartRE = regexp.MustCompile("^([-*+]\\s|\\d+[.)]\\s|#|```|~~~|<!--|\\||>)")

// nextContentLine is the first non-blank line after line n.
func (e *extractor) nextContentLine(n int) int {
	for l := n + 1; l <= e.li.Lines(); l++ {
		if strings.TrimSpace(e.li.Text(l)) != "" {
			return l
		}
	}
	return n + 1
}

// covers reports whether a disable comment applies to a claim. One
// without a reason applies to nothing (verify reports it).
func covers(d *directive, name, text string) bool {
	if d.d.Reason == "" {
		return false
	}
	if len(d.d.Names) == 0 {
		return true
	}
	for _, n := range d.d.Names {
		if n == name || n == text {
			return true
		}
	}
	return false
}

// dropSynopsisPlaceholders removes claims of names that a usage line of
// the doc shows as placeholders: after "poetry config [setting-key]",
// "`setting-key` is a configuration option name" names no option.
func (e *extractor) dropSynopsisPlaceholders() {
	templated := templatedNames(e.src)
	for n := range valuePlaceholders(e.src) {
		if templated == nil {
			templated = map[string]bool{}
		}
		templated[n] = true
	}
	if len(e.synopsis) == 0 && len(templated) == 0 {
		return
	}
	out := e.claims[:0]
	for _, c := range e.claims {
		if templated[c.Name] || e.synopsis[c.Name] && c.Source != verify.ShellBlock {
			continue
		}
		out = append(out, c)
	}
	e.claims = out
}

// valueRE finds an upper-case variable written as the value of a
// lower-case option: left-delimiter=$LEFT, --output=$FILE.
var valueRE = regexp.MustCompile(`(?:^|[\s:"'(])-{0,2}[a-z][a-z0-9._-]*=\$\{?([A-Z][A-Z0-9_]*)\b`)

// definedRE finds a shell variable the doc says the reader fills in:
// "Where `$VERSION` is the version you installed", "replace $TAG with the
// release". A variable with no "$" is left alone: "where `DATABASE_URL`
// is your database's address" still describes a setting.
var definedRE = regexp.MustCompile(`(?i:\b(?:where|replacing|replace|substitute))\s+` + "`?" + `\$\{?([A-Z][A-Z0-9_]*)\}?` + "`?" +
	`\s+(?i:is\s+(?:the|a|an|your|one)\b|stands\s+for|with\b|by\b)`)

// valuePlaceholders are the variables a doc writes as an option's value
// ("chezmoi:template:encoding=$ENCODING", "where `$ENCODING` is one
// of"), or says the reader fills in ("where `$VERSION` is the version you
// installed"): the doc's stand-in for a value the reader picks, wherever
// it writes it, not a variable anything reads.
func valuePlaceholders(src []byte) map[string]bool {
	var out map[string]bool
	for _, re := range []*regexp.Regexp{valueRE, definedRE} {
		for _, m := range re.FindAllSubmatch(src, -1) {
			if out == nil {
				out = map[string]bool{}
			}
			out[string(m[1])] = true
		}
	}
	return out
}

// templatedRE finds a name written with a placeholder in it:
// TASK_X_{FEATURE}, APP_<NAME>_URL.
var templatedRE = regexp.MustCompile(`\b([A-Z][A-Z0-9]*_[A-Z0-9_]*)?[{<]([A-Za-z][A-Za-z0-9_]*)[}>]((?:_[A-Z0-9]+)*)`)

// templatedNames are the names a doc shows with a placeholder
// (TASK_X_{FEATURE}), spelt without its braces: TASK_X_FEATURE elsewhere
// in the same doc is the same placeholder, not a variable.
func templatedNames(src []byte) map[string]bool {
	var out map[string]bool
	for _, m := range templatedRE.FindAllSubmatch(src, -1) {
		if len(m[1]) == 0 && len(m[3]) == 0 {
			continue // a bare {placeholder} names nothing in particular
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[string(m[1])+strings.ToUpper(string(m[2]))+string(m[3])] = true
	}
	return out
}

// tableComment is a suppression comment found between two table rows.
type tableComment struct {
	text string
	off  int
}

// tableCommentRE is a line that is one docverify comment.
var tableCommentRE = regexp.MustCompile(`^[ \t]*<!--\s*docverify-[^\n]*-->[ \t]*$`)

// keepTablesAcrossComments lets a suppression comment sit between the
// rows of a table: Markdown ends a table at any line that is not a row,
// so the comment line is turned into a row of one empty cell (same bytes,
// same offsets) after its text is kept for the directive it is.
func keepTablesAcrossComments(src []byte) ([]byte, []tableComment) {
	if !bytes.Contains(src, []byte("docverify-")) {
		return src, nil
	}
	var out []tableComment
	lines := bytes.SplitAfter(src, []byte("\n"))
	off := 0
	starts := make([]int, len(lines))
	for i, l := range lines {
		starts[i] = off
		off += len(l)
	}
	isRow := func(l []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(l), []byte("|")) }
	var b []byte
	for i := 1; i+1 < len(lines); i++ {
		l := bytes.TrimRight(lines[i], "\r\n")
		if !tableCommentRE.Match(l) || !isRow(lines[i-1]) || !isRow(lines[i+1]) {
			continue
		}
		if b == nil {
			b = append([]byte(nil), src...)
		}
		out = append(out, tableComment{text: string(l), off: starts[i]})
		row := b[starts[i] : starts[i]+len(l)]
		for k := range row {
			row[k] = ' '
		}
		row[0], row[len(row)-1] = '|', '|'
	}
	if b == nil {
		return src, nil
	}
	return b, out
}

// reasonSeparator is the offset of the "--" that starts a directive's
// reason, -1 if none: a "--" followed by a space or the end, so a flag
// named before it (docverify-disable-next-line --dry-run -- reason) is a
// name, not the start of the reason.
func reasonSeparator(body string) int {
	for i := 0; ; {
		j := strings.Index(body[i:], "--")
		if j < 0 {
			return -1
		}
		j += i
		if j+2 == len(body) || body[j+2] == ' ' || body[j+2] == '\t' || body[j+2] == '\n' || body[j+2] == '\r' {
			return j
		}
		i = j + 2
	}
}
