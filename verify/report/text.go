package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/docverify/docverify/verify"
)

// Text writes one finding a line, "path:line:col: severity: message [rule]",
// the form editors' problem matchers and errorformats read.
type Text struct {
	Color bool
	// Verbose adds, under each finding, what was searched and the doc's
	// line with a caret under the name, the way compilers show an error.
	Verbose bool
}

func (t Text) Report(w io.Writer, r *Run) error {
	paint := func(c *color.Color, s string) string {
		if !t.Color {
			return s
		}
		c.EnableColor()
		return c.Sprint(s)
	}
	sev := map[verify.Severity]*color.Color{
		verify.Error:   color.New(color.FgRed, color.Bold),
		verify.Warning: color.New(color.FgYellow, color.Bold),
		verify.Info:    color.New(color.FgCyan),
	}
	bold, dim := color.New(color.Bold), color.New(color.Faint)
	// for a person reading (--verbose, a terminal) a finding repeated in
	// one doc is shown once, with the lines it repeats on; a tool reading
	// the plain form gets every one, a location a line
	again := map[int][]verify.Pos{}
	if t.Verbose {
		first := map[string]int{}
		for i, f := range r.Findings {
			k := f.Pos.File + "\x00" + f.Rule.ID + "\x00" + f.Name + "\x00" + f.Message
			if j, ok := first[k]; ok && f.Name != "" {
				again[j] = append(again[j], f.Pos)
				again[i] = nil
				continue
			}
			first[k] = i
		}
	}
	for i, f := range r.Findings {
		if more, ok := again[i]; ok && more == nil {
			continue // shown with its first occurrence
		}
		loc := Clean(f.Pos.String())
		if strings.HasPrefix(loc, ":") {
			loc = "./" + loc // a line starting with "::" would be a CI workflow command
		}
		_, err := fmt.Fprintf(w, "%s: %s: %s %s\n", paint(bold, loc), paint(sev[f.Severity], f.Severity.String()), Clean(f.Message), paint(dim, "["+f.Rule.ID+"]"))
		if err != nil {
			return err
		}
		if t.Verbose {
			if err := excerpt(w, r.Root, f, func(s string) string { return paint(dim, s) }); err != nil {
				return err
			}
			if more := again[i]; len(more) > 0 {
				lines := make([]string, len(more))
				for k, p := range more {
					lines[k] = fmt.Sprintf("%d:%d", p.Line, p.Col)
				}
				if _, err := fmt.Fprintf(w, "    %s\n", paint(dim, fmt.Sprintf("and %d more in this doc, at %s", len(more), strings.Join(lines, ", ")))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// excerpt writes what was searched and the finding's line with a caret
// under its column; a line that cannot be read is left out.
func excerpt(w io.Writer, root string, f verify.Finding, dim func(string) string) error {
	if f.Searched != "" {
		if _, err := fmt.Fprintf(w, "    %s\n", dim("searched "+Clean(f.Searched))); err != nil {
			return err
		}
	}
	line, ok := docLine(root, f.Pos)
	if !ok {
		return nil
	}
	line = Clean(strings.ReplaceAll(line, "\t", " "))
	caret := ""
	if n := f.Pos.Col - 1; n >= 0 && n <= utf8.RuneCountInString(line) {
		caret = strings.Repeat(" ", n) + "^"
	}
	_, err := fmt.Fprintf(w, "    | %s\n    | %s\n", line, caret)
	return err
}

// maxExcerptFile bounds the doc read for an excerpt.
const maxExcerptFile = 8 << 20

// docLine is line p.Line of the doc p names, under root.
func docLine(root string, p verify.Pos) (string, bool) {
	if p.File == "" || p.Line < 1 || !filepath.IsLocal(filepath.FromSlash(p.File)) {
		return "", false
	}
	// the doc itself, never through a link a pull request commits
	full := filepath.Join(root, filepath.FromSlash(p.File))
	before, err := os.Lstat(full)
	if err != nil || !before.Mode().IsRegular() {
		return "", false
	}
	f, err := os.Open(full)
	if err != nil {
		return "", false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !os.SameFile(before, info) {
		return "", false
	}
	sc := bufio.NewScanner(io.LimitReader(f, maxExcerptFile))
	sc.Buffer(make([]byte, 64<<10), maxExcerptFile)
	for n := 1; sc.Scan(); n++ {
		if n == p.Line {
			return sc.Text(), true
		}
	}
	return "", false
}
