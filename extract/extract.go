// Package extract reads Markdown documents and returns the claims they
// make: the environment variables, command-line flags, config keys and
// feature flags they present as existing, each at the exact position of
// the name, with what its context says about it (is it explicit? a safety
// mechanism? a name that was removed? another program's?).
//
// It walks goldmark's syntax tree and keeps byte offsets throughout; it
// never renders the document. One small extractor per source of claims:
// inline code and prose (inline.go), fenced blocks (blocks.go), tables
// (table.go). Suppression comments are read in suppress.go.
package extract

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/docverify/docverify/extract/cues"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/known"
	"github.com/docverify/docverify/verify/lines"
)

// Doc is what one document claims.
type Doc struct {
	Claims []verify.Claim
	// Problems are parts of the document that could not be read (a config
	// snippet with a syntax error); the rest of the document still counts.
	Problems []Problem
	// Directives are its suppression comments.
	Directives []*verify.Directive
}

// Problem is a part of a document that could not be read.
type Problem struct {
	Pos     verify.Pos
	Message string
}

// fromUTF16 decodes a document saved as UTF-16 with a byte-order mark,
// as some Windows editors write Markdown, into UTF-8; anything else is
// returned as it is.
func fromUTF16(src []byte) []byte {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return src
	}
	units := make([]uint16, (len(src)-2)/2)
	for i := range units {
		units[i] = order.Uint16(src[2+2*i:])
	}
	return []byte(string(utf16.Decode(units)))
}

// ErrBinary is returned for a file that is not text.
var ErrBinary = errors.New("not a text file (it contains NUL bytes)")

// parser reads GitHub-flavoured Markdown and definition lists, which
// reference pages (MkDocs, PHP Markdown Extra) use for one setting a term:
// "`version_file: Path | None = None`" above ":   A path to a file …".
var parser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// Options change what the extractor looks for, from a repository's
// configuration.
type Options struct {
	// Safety adds entries to the safety vocabulary (cues.Safety).
	Safety []cues.Cue
}

// Extractor reads documents; one may be shared by goroutines.
type Extractor struct {
	safety *cues.Matcher
}

// New prepares an extractor with the built-in vocabulary and the
// additions of o.
func New(o Options) (*Extractor, error) {
	if len(o.Safety) == 0 {
		return defaultExtractor, nil
	}
	m, err := cues.NewMatcher(cues.Safety, o.Safety...)
	if err != nil {
		return nil, fmt.Errorf("safety vocabulary: %w", err)
	}
	return &Extractor{safety: m}, nil
}

var defaultExtractor = &Extractor{safety: safetyCues}

// Markdown extracts the claims of one document with the built-in
// vocabulary. path is the slash path relative to the root that positions
// will carry.
func Markdown(path string, src []byte) (Doc, error) {
	return defaultExtractor.Markdown(path, src)
}

// Markdown extracts the claims of one document. path is the slash path
// relative to the root that positions will carry.
func (x *Extractor) Markdown(path string, src []byte) (doc Doc, err error) {
	defer func() {
		// a bug reading one document costs that document, not the run
		if r := recover(); r != nil {
			doc, err = Doc{}, fmt.Errorf("docverify failed to read this document (please report it): %v", r)
		}
	}()
	src = fromUTF16(src)
	if bytes.IndexByte(src, 0) >= 0 {
		return Doc{}, ErrBinary
	}
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	codeIn := sourceRepo(src)
	src = blankFrontMatter(src)
	src = quoteAdmonitions(src)
	src = blankComponentTags(path, src)
	src, inTables := keepTablesAcrossComments(src)
	e := &extractor{path: path, src: src, li: lines.New(src), cues: x.safety, sourcedFrom: sourcedFrom(src), codeIn: codeIn, installs: installedPackages(src), pageSubject: pageSubject(path, src)}
	for _, c := range inTables {
		e.directive(c.text, c.off)
	}
	pc := gparser.NewContext()
	root := parser.Parse(text.NewReader(src), gparser.WithContext(pc))
	err = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if _, ok := n.(*ast.List); ok && n.Parent() == root {
				e.listLead = ""
			}
			return ast.WalkContinue, nil
		}
		if n.Parent() == root {
			e.block++
		}
		switch n := n.(type) {
		case *ast.List:
			if n.Parent() == root {
				e.listLead = e.leadIn()
			}
		case *ast.Heading:
			e.leaveEditionSection(n.Level)
			e.heading(n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if start, end, ok := linesRange(n.Lines()); ok {
				e.noteEdition(string(src[start:end]))
			}
			e.paragraph(n)
			return ast.WalkSkipChildren, nil
		case *east.DefinitionTerm:
			e.paragraph(n)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			e.fenced(n)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			e.indented(n)
			return ast.WalkSkipChildren, nil
		case *east.Table:
			e.table(n)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if start, end, ok := linesRange(n.Lines()); ok {
				e.noteEdition(string(src[start:end]))
			}
			e.htmlBlock(n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return Doc{}, fmt.Errorf("walking the document: %w", err)
	}
	e.referenceDefinitions(pc.References())
	e.markReaderVariables()
	e.applySuppressions()
	e.dropSynopsisPlaceholders()
	e.removalsOutweighDeprecations()
	return Doc{Claims: e.claims, Problems: e.problems, Directives: e.directives}, nil
}

// admonitionRE finds the opening line of a block that Python-Markdown's
// admonition, details and tabbed extensions (MkDocs Material) write as
// indented prose: !!! note, ??? tip "Title", === "Tab".
var admonitionRE = regexp.MustCompile(`^[ \t]*(!!!|\?\?\?\+?|===)[ \t]*("|[A-Za-z])`)

// quoteAdmonitions turns the indented body of such blocks, which
// CommonMark reads as an indented code block, into a block quote of the
// same length (">   " for four spaces), so that its prose and fences are
// read as Markdown and every offset stays true.
func quoteAdmonitions(src []byte) []byte {
	if !bytes.Contains(src, []byte("!!!")) && !bytes.Contains(src, []byte("???")) && !bytes.Contains(src, []byte("===")) {
		return src
	}
	out := src
	copied := false
	in := false
	forEachLine(src, func(off, end int) {
		line := src[off:end]
		switch {
		case admonitionRE.Match(line):
			in = true
		case len(bytes.TrimSpace(line)) == 0:
		case in && bytes.HasPrefix(line, []byte("    ")):
			if !copied {
				out, copied = append([]byte(nil), src...), true
			}
			out[off] = '>'
		default:
			in = false
		}
	})
	return out
}

// forEachLine calls fn with the start and end (before its newline) of
// each line of src.
func forEachLine(src []byte, fn func(off, end int)) {
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		fn(off, end)
		off = end + 1
	}
}

// blankFrontMatter replaces YAML (---) or TOML (+++) front matter with
// spaces, keeping line breaks, so that offsets stay true and the front
// matter is not read as a heading.
func blankFrontMatter(src []byte) []byte {
	end := frontMatterEnd(src)
	if end == 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for i := 0; i < end; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}

// frontMatterEnd is the offset just past the closing fence of a page's
// YAML (---) or TOML (+++) front matter, 0 if the page has none.
func frontMatterEnd(src []byte) int {
	for _, fence := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(fence+"\n")) && !bytes.HasPrefix(src, []byte(fence+"\r\n")) {
			continue
		}
		if end := bytes.Index(src[len(fence):], []byte("\n"+fence)); end >= 0 {
			return end + len(fence) + 1 + len(fence)
		}
		return 0
	}
	return 0
}

type extractor struct {
	path     string
	src      []byte
	li       *lines.Table
	headings []heading // the chain of headings above the current block
	lastPara block     // the last paragraph of the current section, for code blocks
	listLead string    // the sentence that introduces the list being read ("… the following environment variables:")
	listItem bool      // the paragraph being read opens a list item
	// sourcedFrom is the other repository the page says it is generated
	// from (see provenance.go), for every claim of the page.
	sourcedFrom string
	// expanded are the variables whose values the page's snippets use.
	expanded map[string]bool
	// pageSubject is the program the page is about (see provenance.go).
	pageSubject string
	// codeIn is the repository the page names as its program's source,
	// and installs the packages its commands install (see provenance.go).
	codeIn   string
	installs []string
	objects  map[string]bool // variables the section's code snippets use
	claims   []verify.Claim
	problems []Problem
	dirs     []directive
	// directives are the disable comments, for verify to check.
	directives []*verify.Directive
	cues       *cues.Matcher // the safety vocabulary
	// block and section count the top-level blocks and the headings seen
	// so far: the siblings of a claim (verify.Claim.Block, Section).
	block, section int
	// safetyMemo remembers the safety cue of each context text, and
	// cueMemo every cue of it with its place; historyMemo, foldMemo the
	// historical cues and folded form of each sentence. Claims of one
	// sentence share it, and a sentence of a thousand names must not be
	// read a thousand times.
	safetyMemo  map[string]string
	cueMemo     map[string][]cues.Match
	historyMemo map[string]historyScan
	foldMemo    map[string]string
	// sentenceMemo remembers what was asked of whole sentences.
	sentenceMemo map[sentenceKey]bool
	// stopMemo holds listStops of each sentence with a list of names.
	stopMemo map[string][]int32
	// synopsis holds the placeholders usage lines declare: [setting-key],
	// <name>. The doc's later mentions of them are not claims.
	synopsis map[string]bool
	// edition is the paid edition the page or the current section is
	// badged for, and editionLevel the heading level it holds under (0:
	// the whole page); see noteEdition.
	edition      string
	editionLevel int
}

type heading struct {
	level int
	text  string
}

// headingText is the chain of headings above the current block, which
// gives every claim in a section the section's context.
func (e *extractor) headingText() string {
	parts := make([]string, len(e.headings))
	for i, h := range e.headings {
		parts[i] = h.text
	}
	return strings.Join(parts, " / ")
}

func (e *extractor) heading(n *ast.Heading) {
	for len(e.headings) > 0 && e.headings[len(e.headings)-1].level >= n.Level {
		e.headings = e.headings[:len(e.headings)-1]
	}
	start, end, ok := linesRange(n.Lines())
	if !ok {
		return
	}
	b := newBlock(e.src, start, end)
	e.headings = append(e.headings, heading{level: n.Level, text: fold(strings.Trim(b.raw, "# "))})
	e.section++
	e.objects = nil // a section's snippets name its objects
	e.lastPara = block{}
	e.inlines(n, b)
	e.headingName(n, b)
}

// headingNameRE finds a heading that is only a name, unquoted, as
// reference pages title each option: "#### --gitignore",
// "### -o, --output <file>", "##### metadata_folder", "## SIGH_TEAM_ID {#team}".
var headingNameRE = regexp.MustCompile(`^(?:#{1,6}[ \t]+)?(?:-[A-Za-z0-9],[ \t]*)?(--?[A-Za-z][\w.-]*|[A-Za-z][\w.]*)(?:[ \t]+[<\[][\w. |-]+[>\]])?[ \t]*(?:\{#[\w-]+\})?[ \t#]*$`)

var headingHTMLRE = regexp.MustCompile(`<!--.*?-->|<a\b[^>]*>\s*</a>`)

// headingName reads a heading that is only a name as a code span holding
// it: a flag, a variable, or an identifier checked only as a misspelling.
// A heading with a code span was read by inlines.
func (e *extractor) headingName(n *ast.Heading, b block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.CodeSpan); ok {
			return
		}
	}
	// comments and anchors ("<a id=x></a>") are not the heading's words;
	// blanking them keeps the offsets
	raw := headingHTMLRE.ReplaceAllStringFunc(b.raw, func(h string) string { return strings.Repeat(" ", len(h)) })
	raw = strings.TrimRight(raw, " \t\r\n")
	m := headingNameRE.FindStringSubmatchIndex(raw)
	if m == nil {
		return
	}
	tok := raw[m[2]:m[3]]
	e.token(tok, b.start+m[2], b, m[2], m[3])
}

func (e *extractor) paragraph(n ast.Node) {
	start, end, ok := linesRange(n.Lines())
	if !ok {
		return
	}
	b := newBlock(e.src, start, end)
	_, item := n.Parent().(*ast.ListItem)
	_, term := n.(*east.DefinitionTerm)                       // a definition list's terms are its items
	e.listItem = term || item && n.Parent().FirstChild() == n // the item's opening words
	e.inlines(n, b)
	e.prose(b)
	e.lastPara = b
	e.listItem = false
}

// leadIn is the last sentence of the paragraph just before a list when it
// introduces the list ("can be configured through the following
// environment variables:"): what it calls the items, the items are.
func (e *extractor) leadIn() string {
	if !strings.HasSuffix(strings.TrimSpace(e.lastPara.masked), ":") {
		return ""
	}
	return e.leadSentence()
}

// leadSentence is the last sentence of the paragraph before the block
// being read, code spans masked; "" if there is none.
func (e *extractor) leadSentence() string {
	if e.lastPara.raw == "" {
		return ""
	}
	ss, se := e.lastPara.sentence(len(e.lastPara.masked) - 1)
	return e.lastPara.masked[ss:se]
}

// linesRange is the byte range a block's lines cover.
func linesRange(lines *text.Segments) (int, int, bool) {
	if lines == nil || lines.Len() == 0 {
		return 0, 0, false
	}
	return lines.At(0).Start, lines.At(lines.Len() - 1).Stop, true
}

// inlines visits the code spans and inline HTML of a block.
func (e *extractor) inlines(n ast.Node, b block) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan:
			if content, off, ok := codeSpanText(c, e.src); ok {
				before := len(e.claims)
				e.codeSpan(content, off, b)
				if owner := linkOwner(c, e.src); owner != "" {
					for i := before; i < len(e.claims); i++ {
						if e.claims[i].Owner == "" {
							e.claims[i].Owner = owner
						}
					}
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				e.directive(string(s.Value(e.src)), s.Start)
			}
			if off, ok := codeElement(c, e.src); ok {
				e.htmlCode(off, b)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// codeElement reports whether inline HTML opens a <code> element, and the
// document offset of its content.
func codeElement(h *ast.RawHTML, src []byte) (int, bool) {
	if h.Segments.Len() != 1 {
		return 0, false
	}
	seg := h.Segments.At(0)
	return seg.Stop, strings.EqualFold(string(seg.Value(src)), "<code>")
}

// htmlCode reads the <code> element whose content starts at document
// offset off like a code span: tables use it where a pipe inside a
// backtick span would end the cell (<code>--x <a&#124;b></code>).
func (e *extractor) htmlCode(off int, b block) {
	end := bytes.Index(e.src[off:], []byte("</code>"))
	if end < 0 || bytes.IndexByte(e.src[off:off+end], '\n') >= 0 {
		return
	}
	// Entities shift later columns by a few bytes; names come first.
	e.codeSpan(html.UnescapeString(string(e.src[off:off+end])), off, b)
}

// linkOwner is the project whose documentation a code span links to:
// [`--experimental-require-module`](https://nodejs.org/...) is node's, and
// a span right after a link into another repository is that repository's
// ([you can set](https://github.com/lukechilds/zsh-nvm#auto-use)
// `NVM_AUTO_USE=true`). verify decides whether the repository is this one.
func linkOwner(n ast.Node, src []byte) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if l, ok := p.(*ast.Link); ok {
			owner, _ := destinationOwner(string(l.Destination))
			return owner
		}
	}
	prev := n.PreviousSibling()
	if t, ok := prev.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 && t.Segment.Len() <= 1 {
		prev = prev.PreviousSibling()
	}
	if l, ok := prev.(*ast.Link); ok {
		if owner, repo := destinationOwner(string(l.Destination)); repo {
			return owner
		}
	}
	// "set the `RUN_AT_EXIT_HOOKS=1` option described in the
	// [Resque](https://github.com/resque/resque/...) documentation": a
	// span the sentence says another repository's docs describe
	var between strings.Builder
	for next, i := n.NextSibling(), 0; next != nil && i < 6; next, i = next.NextSibling(), i+1 {
		switch x := next.(type) {
		case *ast.Text:
			between.Write(x.Segment.Value(src))
		case *ast.Link:
			owner, repo := destinationOwner(string(x.Destination))
			if repo && describedInRE.MatchString(between.String()) && docsAfter(x, src) {
				return owner
			}
			return ""
		default:
			return ""
		}
	}
	return ""
}

// describedInRE ends the text between a name and a link to the docs
// that describe it: "option described in the ".
var describedInRE = regexp.MustCompile(`(?i)\b(?:described|documented|explained|defined) (?:in|by) (?:the )?$`)

// docsAfter reports a link followed by "documentation" or "docs": the link
// names the documentation of the project it leads to.
func docsAfter(l *ast.Link, src []byte) bool {
	t, ok := l.NextSibling().(*ast.Text)
	return ok && docsWordRE.Match(t.Segment.Value(src))
}

var docsWordRE = regexp.MustCompile(`(?i)^\s*(?:documentation|docs|manual|guide|readme)\b`)

// codeHosts serve repositories at host/owner/name.
var codeHosts = map[string]bool{"github.com": true, "gitlab.com": true, "bitbucket.org": true, "codeberg.org": true}

// destinationOwner is whose documentation a link leads to: a known
// documentation site's project, or the name of a repository on a code
// host (repo is then true).
func destinationOwner(dest string) (owner string, repo bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Host == "" {
		return "", false
	}
	if owner, ok := known.DocHost(u.Hostname()); ok {
		return owner, false
	}
	if codeHosts[strings.TrimPrefix(u.Hostname(), "www.")] {
		if parts := strings.Split(strings.Trim(u.Path, "/"), "/"); len(parts) >= 2 && parts[1] != "" {
			return strings.ToLower(strings.TrimSuffix(parts[1], ".git")), true
		}
	}
	return "", false
}

// codeSpanText returns the text of a code span and the document offset of
// its first byte. A span broken over lines is joined with spaces; its
// offset stays that of the first part.
func codeSpanText(n *ast.CodeSpan, src []byte) (string, int, bool) {
	var parts []string
	off := -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		if off < 0 {
			off = t.Segment.Start
		}
		parts = append(parts, string(t.Segment.Value(src)))
	}
	if off < 0 {
		return "", 0, false
	}
	return strings.Join(parts, " "), off, true
}

// add records a claim whose name starts at document offset off.
func (e *extractor) add(c verify.Claim, off int) {
	c.Pos = e.pos(off)
	c.Block, c.Section = e.block, e.section
	c.Edition = e.edition
	c.SourcedFrom = e.sourcedFrom
	c.PageSubject = e.pageSubject
	c.CodeIn, c.PageInstalls = e.codeIn, e.installs
	if deprecation(c.Historical) {
		c.Deprecated, c.Historical = c.Historical, ""
	}
	// the name's own words ("--rollback-on-error", "UPLOAD_TIMEOUT") are not
	// its sentence presenting it as a safety mechanism; nor is a heading
	// alone ("Signature verification" above a port): a heading counts
	// when the name agrees with it (FEED_KILL_SWITCH under "Kill switch")
	if c.Safety != "" {
		_, named := e.cues.Find(cuesNameWords(c.Name))
		heading := e.safetyIn(e.headingText())
		c.SafetyStated, c.SafetyWhere = e.safetyOutside(c.Context, c.Text), "sentence"
		switch {
		case c.SafetyStated != "":
		case named && heading != "":
			c.SafetyStated, c.SafetyWhere = heading, "section and name"
		case named:
			c.SafetyWhere = "name"
		default:
			c.SafetyWhere = "section"
		}
		c.SafetyFromName = c.SafetyStated == ""
	}
	if c.Text == "" {
		c.Text = c.Name
	}
	e.claims = append(e.claims, c)
}

// renameArrowRE finds an arrow right after a name, and another name in
// a code span after it: the first is the old one.
var renameArrowRE = regexp.MustCompile("^`*\\s*(➡️|➡|→|⟶|⇒|->|=>)\\s*`")

// judgement is what the context of a claim says about it.
type judgement struct {
	safety, historical, owner, context string
}

// judge reads a claim's context: its sentence within block b (claim at
// block-relative offsets start..end), the section's headings, and the
// name itself.
func (e *extractor) judge(b block, start, end int, name string) judgement {
	ss, se := b.sentence(start)
	sentence := b.masked[ss:se]
	j := judgement{context: e.fold(b.raw[ss:se])}
	j.safety = e.safety(sentence, name)
	j.historical = e.historical(sentence, start-ss)
	if j.historical == "" && renameArrowRE.MatchString(b.raw[min(end, len(b.raw)):]) {
		// `OLD` ➡️ `NEW`, OLD → NEW: a migration list's old name
		j.historical = "is renamed (an arrow points from it to its successor)"
	}
	if j.historical == "" {
		j.historical = e.sectionHistorical()
	}
	j.owner = ownerOf(b.around(start, end))
	// the possessive is the words just before the name: a window, not the
	// sentence, so that a long sentence is not read again for each name
	if m := possessiveRE.FindStringSubmatch(wordsBefore(b.masked[ss:start], maxPossessive)); m != nil && !genericNouns[strings.ToLower(m[1])] {
		j.owner = strings.ToLower(m[1])
	}
	return j
}

// genericNouns name no particular program: "the service's `X`" is this
// repository's service as much as anyone's.
var genericNouns = map[string]bool{"service": true, "app": true, "application": true, "server": true, "client": true,
	"project": true, "tool": true, "system": true, "user": true, "team": true, "container": true, "cluster": true,
	"repository": true, "repo": true, "program": true, "script": true, "module": true, "package": true, "library": true,
	"api": true, "worker": true, "job": true, "process": true, "host": true, "deployment": true, "pod": true}

// safety finds the safety cue of a claim: in its name, in its sentence, in
// the headings of its section, in that order. The headings' cue is looked
// up once a section.
func (e *extractor) safety(sentence, name string) string {
	for _, t := range []string{cuesNameWords(name), sentence, e.headingText()} {
		if cue := e.safetyIn(t); cue != "" {
			return cue
		}
	}
	return ""
}

// safetyIn is the first safety cue of a text. Claims of one sentence, row
// or snippet share their context, so answers are remembered per document.
func (e *extractor) safetyIn(text string) string {
	return memo(&e.safetyMemo, text, func() string {
		cue := ""
		// a file's name is not a word of the sentence: auth.json is no
		// authentication toggle, retry.log no retry setting
		// nor is what leaving a setting out does ("leave empty to disable",
		// "when not set, delivery is disabled") or the value it defaults to
		// ("falls back to `RAILS_HOST`"): the setting is an option, not the
		// switch that turns something off
		// and an identifier is a name, not a word of the sentence: the
		// secret auth-ldap-secret in a table's row is no authentication
		// mechanism; prose joins two words at most (read-only, rate-limit)
		if m, ok := e.cues.Find(safetyText(text)); ok {
			cue = m.Label
		}
		return cue
	})
}

// safetyText is text as the safety cues read it: file names,
// identifiers and what leaving a setting out does blanked out, each byte
// by a space, so that offsets still point into text.
func safetyText(text string) string {
	for _, re := range []*regexp.Regexp{fileNameRE, identifierRE, cues.NotSafetyRE} {
		text = re.ReplaceAllStringFunc(text, func(m string) string { return strings.Repeat(" ", len(m)) })
	}
	return text
}

// safetyOutside is the first safety cue of a claim's context that is not
// inside the claim's own text: the sentence presenting the name, not the
// name. The context's cues are found once for all its claims.
func (e *extractor) safetyOutside(context, text string) string {
	found := memo(&e.cueMemo, context, func() []cues.Match { return e.cues.FindAll(safetyText(context)) })
	if text == "" {
		// a snippet's line is its claim's context: the name and its value
		// (CA_CERT_FILE=/opt/certs/ca.pem), no sentence presenting it
		return ""
	}
	for _, m := range found {
		if !insideOccurrence(context, text, m.Start, m.End) {
			return m.Label
		}
	}
	return ""
}

// insideOccurrence reports whether start..end overlaps an occurrence of
// text in s.
func insideOccurrence(s, text string, start, end int) bool {
	for from := max(0, start-len(text)+1); from < end; {
		i := strings.Index(s[from:min(len(s), end+len(text)-1)], text)
		if i < 0 {
			return false
		}
		if from+i < end && from+i+len(text) > start {
			return true
		}
		from += i + 1
	}
	return false
}

// fold is the folded form of a sentence, made once per sentence: its
// claims share the one string.
func (e *extractor) fold(raw string) string {
	return memo(&e.foldMemo, raw, func() string { return fold(raw) })
}

// historical is historical(text, off), with text's cues found once.
func (e *extractor) historical(text string, off int) string {
	return memo(&e.historyMemo, text, func() historyScan { return scanHistory(text) }).at(off)
}

// memo is the value of key in *m, made by build the first time: the
// extractor's answers about one sentence, shared by its claims.
func memo[K comparable, V any](m *map[K]V, key K, build func() V) V {
	if v, ok := (*m)[key]; ok {
		return v
	}
	v := build()
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
	return v
}

// maxPossessive is how far before a name its owner's possessive may start.
const maxPossessive = 120

// identifierRE finds identifiers in running text: three or more words
// joined by dashes or underscores, or two joined by an underscore.
var identifierRE = regexp.MustCompile(`\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){2,}\b|\b[A-Za-z0-9]+_[A-Za-z0-9]+\b`)

// fileNameRE finds file names in running text: a word, a dot and a
// file extension.
var fileNameRE = regexp.MustCompile(`\b[\w.-]+\.(json|ya?ml|toml|ini|cfg|conf|env|lock|log|txt|xml|properties|md|sh|py|js|ts|rb|go)\b`)

// deprecatedHeading starts the phrase for a name under a "Deprecated"
// heading.
const deprecatedHeading = "is listed as deprecated under the heading "

// deprecation reports whether a historical phrase only calls the name
// deprecated, which says it still exists.
func deprecation(phrase string) bool {
	return phrase == "is deprecated" || strings.HasPrefix(phrase, deprecatedHeading)
}

// removalsOutweighDeprecations makes a deprecated name historical when
// the same document says elsewhere that it was removed: ktlint's FAQ asks
// "why is `disabled_rules` deprecated" and answers that it was removed.
func (e *extractor) removalsOutweighDeprecations() {
	removed := map[string]string{}
	for _, c := range e.claims {
		if c.Historical != "" {
			removed[c.Name] = c.Historical
		}
	}
	if len(removed) == 0 {
		return
	}
	for i := range e.claims {
		if c := &e.claims[i]; c.Deprecated != "" && removed[c.Name] != "" {
			c.Historical, c.Deprecated = removed[c.Name], ""
		}
	}
}

// sectionHistorical reports a historical cue in the headings above: names
// listed under "Deprecated" or "Removed" are not claims that they exist.
func (e *extractor) sectionHistorical() string {
	for _, h := range e.headings {
		low := strings.ToLower(h.text)
		for _, w := range []string{"removed", "obsolete"} {
			if strings.Contains(low, w) {
				return "is listed under the heading " + fmt.Sprintf("%q", h.text)
			}
		}
		if strings.Contains(low, "deprecated") {
			return deprecatedHeading + fmt.Sprintf("%q", h.text)
		}
	}
	return ""
}

// referenceDefRE finds a link reference definition's label at the start
// of a line: "[GCM_MSAUTH_USEBROKER]: environment.md#gcm_msauth_usebroker".
var referenceDefRE = regexp.MustCompile(`(?m)^ {0,3}\[([^\]\s]+)\]:[ \t]*\S`)

// anchorOf reports whether a link destination's anchor is the label, in
// any case and without its separators ("configuration.md#credentialmsauthusebroker"
// for credential.msauthUseBroker): a link to the name's own entry. A
// page's address that merely contains the label ([guard_rspec]:
// https://github.com/guard/guard-rspec) links to a project.
func anchorOf(dest, label string) bool {
	i := strings.LastIndexByte(dest, '#')
	if i < 0 {
		return false
	}
	return squashName(dest[i+1:]) == squashName(label)
}

// referenceDefinitions reads the labels of link reference definitions,
// which the parser takes out of the document: a doc that links every
// setting to its page ([`GCM_X`][GCM_X] over "[GCM_X]: environment.md#gcm_x")
// names each setting in the label too, and a misspelt label is the only
// place a wrong name is left. Only labels whose link points at the name's
// own anchor count. A label is read as a code span would be, in
// a block of its own, so that a list of definitions is judged as a list;
// labels with spaces are words, not names.
func (e *extractor) referenceDefinitions(refs []gparser.Reference) {
	if len(refs) == 0 {
		return
	}
	defined := map[string]bool{}
	for _, r := range refs {
		// only a link to the name's own anchor or page says the label is a
		// setting's name: [CI_BADGE]: https://img.shields.io/… is a badge
		if anchorOf(string(r.Destination()), string(r.Label())) {
			defined[string(r.Label())] = true
		}
	}
	e.block++
	for _, m := range referenceDefRE.FindAllSubmatchIndex(e.src, -1) {
		label := string(e.src[m[2]:m[3]])
		if !defined[label] || strings.Trim(label, "`") != label {
			continue
		}
		end := bytes.IndexByte(e.src[m[0]:], '\n')
		if end < 0 {
			end = len(e.src)
		} else {
			end += m[0]
		}
		b := newBlock(e.src, m[0], end)
		e.token(label, m[2], b, m[2]-m[0], m[3]-m[0])
	}
}
