package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/docverify/docverify/verify"
)

// JUnit writes JUnit XML for CI dashboards: one test suite per doc, one
// test case per claim checked (claims of other programs and ignored ones
// are not tests), failing when it has an error or warning finding; an
// info finding is noted in the case's output without failing it.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func (JUnit) Report(w io.Writer, r *Run) error {
	byPos := map[verify.Pos][]verify.Finding{}
	for _, f := range r.Findings {
		byPos[f.Pos] = append(byPos[f.Pos], f)
	}
	suites := map[string]*junitSuite{}
	var order []string
	doc := junitSuites{Name: "docverify"}
	addCase := func(file string, c junitCase) {
		s := suites[file]
		if s == nil {
			s = &junitSuite{Name: file}
			suites[file] = s
			order = append(order, file)
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
		doc.Tests++
		if c.Failure != nil {
			s.Failures++
			doc.Failures++
		}
	}
	fill := func(c *junitCase, fs []verify.Finding) {
		for _, f := range fs {
			text := fmt.Sprintf("%s: %s: %s [%s]", f.Pos, f.Severity, Clean(f.Message), f.Rule.ID)
			if f.Severity >= verify.Warning && c.Failure == nil {
				c.Failure = &junitFailure{Type: f.Rule.ID, Message: Clean(f.Message), Text: text}
			} else {
				c.SystemOut += text + "\n"
			}
		}
	}
	seen := map[string]int{}
	for _, res := range r.Results {
		if res.Status == verify.External || res.Status == verify.Ignored {
			continue
		}
		cl := res.Claim
		// a test's name stays the same when lines move, so that CI keeps
		// its history; a second claim of the name in the doc is #2
		name := cl.Kind.Noun() + " " + cl.Display()
		key := cl.Pos.File + "\x00" + name
		seen[key]++
		if n := seen[key]; n > 1 {
			name = fmt.Sprintf("%s #%d", name, n)
		}
		c := junitCase{ClassName: cl.Pos.File, Name: name}
		var fs []verify.Finding
		for _, f := range byPos[cl.Pos] {
			if f.Name == cl.Display() {
				fs = append(fs, f)
			}
		}
		fill(&c, fs)
		addCase(cl.Pos.File, c)
	}
	// Findings about files (unreadable docs and sources) are tests too.
	for _, f := range r.Findings {
		if f.Kind == verify.KindUnknown {
			c := junitCase{ClassName: f.Pos.File, Name: f.Rule.Slug}
			fill(&c, []verify.Finding{f})
			addCase(f.Pos.File, c)
		}
	}
	sort.Strings(order)
	for _, name := range order {
		doc.Suites = append(doc.Suites, *suites[name])
	}
	return writeXML(w, doc)
}

// Checkstyle writes Checkstyle XML, which many review bots read.
type Checkstyle struct{}

type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func (Checkstyle) Report(w io.Writer, r *Run) error {
	doc := checkstyleDoc{Version: "4.3"}
	var cur *checkstyleFile
	for _, f := range r.Findings {
		if cur == nil || cur.Name != f.Pos.File {
			doc.Files = append(doc.Files, checkstyleFile{Name: f.Pos.File})
			cur = &doc.Files[len(doc.Files)-1]
		}
		cur.Errors = append(cur.Errors, checkstyleError{Line: f.Pos.Line, Column: f.Pos.Col, Severity: f.Severity.String(), Message: Clean(f.Message), Source: "docverify." + f.Rule.ID})
	}
	return writeXML(w, doc)
}

// writeXML writes an indented XML document with its header.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
