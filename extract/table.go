package extract

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docverify/docverify/extract/names"
	"github.com/docverify/docverify/verify"
)

// columnHint is what a table's header says its column holds.
type columnHint uint8

const (
	notNames     columnHint = iota
	anyName                 // "Name", "Option": the shape of the name decides
	envNames                // "Environment variable", "Env"
	flagNames               // "Flag", "Argument"
	configNames             // "Key", "Setting", "Property"
	featureNames            // "Feature flag", "Toggle"
	// featureTopics is a bare "Feature" header: in comparison and
	// inventory tables (| Feature | Secret name |) its plain cells are
	// product areas (OIDC, DATABASE), and only a cell written as code
	// names a flag.
	featureTopics
	examples // "Examples": made-up names showing a convention or a value
)

var headerHints = []struct {
	re   *regexp.Regexp
	hint columnHint
}{
	{regexp.MustCompile(`(?i)feature|toggle`), featureNames},
	{regexp.MustCompile(`(?i)env(ironment)?\b|env[ _-]?var|variable`), envNames},
	{regexp.MustCompile(`(?i)\b(flag|cli|argument|switch)s?\b`), flagNames},
	{regexp.MustCompile(`(?i)\b(key|setting|config(uration)?|propert(y|ies)|parameter|field|path)s?\b`), configNames},
	{regexp.MustCompile(`(?i)^\s*(name|option|options|opt|param)s?\s*$`), anyName},
}

// bareFeatureRE is a header that says "Feature" and nothing more.
var bareFeatureRE = regexp.MustCompile(`(?i)^\s*features?\s*$`)

// camelHumpRE finds the joint of two words of a camelCase name.
var camelHumpRE = regexp.MustCompile(`([a-z])([A-Z])`)

// examplesRE is a header over examples: | Full Name | Abbreviation |
// Examples | in a naming guide lists `--app-mode` to show the
// abbreviation, not to name a flag. The names a row documents are in its
// name column.
var examplesRE = regexp.MustCompile(`(?i)^\s*(examples?|e\.g\.?|samples?)\s*$`)

// bareFlagRE is what a flag written without its dashes looks like.
var bareFlagRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// columnOf reads a header cell.
func columnOf(header string) columnHint {
	if examplesRE.MatchString(header) {
		return examples
	}
	if strings.Contains(strings.ToLower(header), "default") || strings.Contains(strings.ToLower(header), "description") {
		return notNames
	}
	if bareFeatureRE.MatchString(header) {
		return featureTopics
	}
	for _, h := range headerHints {
		if h.re.MatchString(header) {
			return h.hint
		}
	}
	return notNames
}

func (e *extractor) table(t *east.Table) {
	var hints []columnHint
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.(type) {
		case *east.TableHeader:
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				hints = append(hints, columnOf(e.plainText(cell)))
			}
		case *east.TableRow:
			e.tableRow(row, hints)
		}
	}
}

// plainText is a cell's text with code span contents kept.
func (e *extractor) plainText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(e.src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func (e *extractor) tableRow(row ast.Node, hints []columnHint) {
	// The row is one source line: it is the claims' context, like a sentence.
	first := firstSegment(row)
	if first < 0 {
		return
	}
	line := e.li.Line(first)
	start := e.li.Start(line)
	rb := newBlock(e.src, start, start+len(e.li.Text(line)))
	// "PluginConfig Attributes" speaks of config as much as "Plugin
	// config attributes": camelCase words count apart
	tableContext := e.lastPara.raw + " " + camelHumpRE.ReplaceAllString(e.headingText(), "$1 $2")
	col := 0
	for cell := row.FirstChild(); cell != nil; cell, col = cell.NextSibling(), col+1 {
		if col < len(hints) && hints[col] == examples {
			continue
		}
		if col >= len(hints) || hints[col] == notNames {
			// other cells are running text: "Same as `--verbose`."
			e.inlines(cell, rb)
			continue
		}
		found := false
		for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok && found && hasLetter(t.Segment.Value(e.src)) {
				// the cell's names come first; code after its prose is the
				// description's ("Choose any of `upper_cases`, ...")
				break
			}
			if h, ok := c.(*ast.RawHTML); ok {
				if off, ok := codeElement(h, e.src); ok {
					e.htmlCode(off, rb)
					found = true
				}
			}
			if cs, ok := c.(*ast.CodeSpan); ok {
				if content, off, ok := codeSpanText(cs, e.src); ok {
					if e.endings(content, func(name string, at, _ int) { e.tableName(name, off+at, rb, hints[col], tableContext) }) {
						found = true
						continue
					}
					for _, tok := range strings.FieldsFunc(content, func(r rune) bool { return r == ',' || r == ' ' || r == '/' }) {
						i := strings.Index(content, tok)
						e.tableName(tok, off+i, rb, hints[col], tableContext)
						found = true
					}
				}
			}
		}
		if !found && hints[col] != featureTopics {
			// a plain cell holding one name: | DATABASE_URL | ... |
			txt := e.plainText(cell)
			tok := strings.TrimSpace(strings.Trim(strings.TrimSpace(txt), "*_"))
			off := firstSegment(cell)
			switch {
			case tok == "" || off < 0:
			case !strings.ContainsAny(tok, " \t"):
				if i := strings.Index(string(e.src[off:min(len(e.src), off+len(txt)+8)]), tok); i >= 0 {
					e.tableName(tok, off+i, rb, hints[col], tableContext)
				}
			case col == 0:
				// a plain cell naming a flag in its forms: | -e --entropy |
				// or | -e, --entropy <n> |; its long forms are the claims
				raw := string(e.src[off:min(len(e.src), off+len(txt)+8)])
				for _, f := range strings.FieldsFunc(tok, func(r rune) bool { return r == ',' || r == ' ' || r == '/' || r == '\t' }) {
					if names.Of(f) == names.LongFlag {
						if i := strings.Index(raw, f); i >= 0 {
							e.tableName(f, off+i, rb, hints[col], tableContext)
						}
					}
				}
			}
		}
	}
}

func firstSegment(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && off < 0 {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}

// tableName turns one name in a name column into a claim. The row is its
// sentence; the header, the paragraph before the table and the section
// heading say what kind of name it is.
func (e *extractor) tableName(tok string, off int, row block, hint columnHint, tableContext string) {
	p := names.Split(tok)
	name, nameOff := p.Name, off+p.Offset
	c := verify.Claim{Source: verify.Table, Text: name, Explicit: true}
	switch shape := names.Of(name); {
	case shape == names.LongFlag || shape == names.SingleDash && hint == flagNames:
		c.Kind, c.Name = verify.Flag, strings.TrimLeft(name, "-")
		if !validFlag(c.Name) {
			return
		}
	case shape == names.UpperSnake || shape == names.UpperWord:
		switch {
		case hint == featureNames || hint == featureTopics:
			c.Kind = verify.Feature
		case hint == envNames || shape == names.UpperSnake:
			c.Kind = verify.Env
		default:
			return
		}
	case shape == names.Dotted || shape == names.LowerWord:
		switch {
		case hint == featureNames || hint == featureTopics:
			c.Kind = verify.Feature
		case hint == flagNames:
			if !bareFlagRE.MatchString(name) {
				return // parseArgs in a "Flags" column is a library, not a flag
			}
			c.Kind = verify.Flag
		case hint == configNames || hint == anyName && has(configCue, tableContext):
			if shape == names.Dotted && isFileOrCode(name) && !(hint == configNames && pascalPath(name)) {
				return
			}
			c.Kind = verify.Config
		default:
			return
		}
	default:
		return
	}
	if c.Name == "" {
		c.Name = name
	}
	if names.IsPlaceholder(c.Name) {
		return
	}
	c.Context = fold(row.raw)
	c.Safety = e.safety(row.masked, c.Name)
	c.Historical = historical(row.masked, 0)
	if c.Historical == "" {
		c.Historical = e.sectionHistorical()
	}
	e.add(c, nameOff)
}

func hasLetter(b []byte) bool {
	for _, c := range b {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}
