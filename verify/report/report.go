// Package report writes the findings of a run for people and machines.
// Reporters take a Run and an io.Writer; they never choose the exit code,
// and only the text reporter knows about colour.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docverify/docverify/verify"
)

// Run is everything a reporter may show.
type Run struct {
	// Notes are what the run wants the user to know that is no finding
	// ("sub/.docverify.yml is not used"), for standard error.
	Notes []string
	Root  string
	// Since names the revision a pull-request run compared against; ""
	// for a run over every claim.
	Since    string
	Findings []verify.Finding
	Results  []verify.Result
	// Suppressed are the findings docverify-disable comments hide, for
	// the formats that record suppressions (SARIF); the others leave them out.
	Suppressed []verify.Suppressed
	// Implemented lists the names the code reads, for inventories.
	Implemented []verify.Implemented
	Stats       Stats
	// Hidden counts the findings below --min-severity left out of Findings.
	Hidden int
}

// Stats describe the run.
type Stats struct {
	Docs         int            `json:"docs"`
	Claims       int            `json:"claims"`
	Checked      int            `json:"checked"` // claims that are this repository's to verify
	SourceFiles  int            `json:"source_files"`
	Parsed       int            `json:"parsed"`
	Cached       int            `json:"cached"`
	TextSearched int            `json:"text_searched"`
	Languages    map[string]int `json:"languages"`
	Unindexed    map[string]int `json:"unindexed"` // source files in languages docverify cannot read
	Elapsed      time.Duration  `json:"-"`
}

// Counts tallies findings by severity.
func (r *Run) Counts() map[verify.Severity]int {
	out := map[verify.Severity]int{}
	for _, f := range r.Findings {
		out[f.Severity]++
	}
	return out
}

// Reporter writes a run.
type Reporter interface {
	Report(w io.Writer, r *Run) error
}

// Summary is the one-line account of a run that follows the findings.
func Summary(r *Run) string {
	c := r.Counts()
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s checked in %d %s: %d %s, %d %s, %d info",
		r.Stats.Checked, plural(r.Stats.Checked, "claim", "claims"), r.Stats.Docs, plural(r.Stats.Docs, "doc", "docs"),
		c[verify.Error], plural(c[verify.Error], "error", "errors"), c[verify.Warning], plural(c[verify.Warning], "warning", "warnings"), c[verify.Info])
	if r.Stats.Claims == 0 && r.Stats.SourceFiles == 0 {
		b.WriteString("; no doc names a setting, so the code was not read")
	} else {
		fmt.Fprintf(&b, "; %d source %s indexed", r.Stats.SourceFiles, plural(r.Stats.SourceFiles, "file", "files"))
	}
	if len(r.Stats.Unindexed) > 0 {
		var parts []string
		for l, n := range r.Stats.Unindexed {
			parts = append(parts, fmt.Sprintf("%s %d", l, n))
		}
		sort.Strings(parts)
		fmt.Fprintf(&b, " (not indexed: %s)", strings.Join(parts, ", "))
	}
	if r.Since != "" {
		fmt.Fprintf(&b, "; only changes since %s", r.Since)
	}
	if r.Hidden > 0 {
		fmt.Fprintf(&b, "; %d below --min-severity not shown", r.Hidden)
	}
	fmt.Fprintf(&b, " in %.2fs", r.Stats.Elapsed.Seconds())
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Clean makes text from the scanned repository safe to print: control
// characters (newlines, escape sequences, C1 controls such as CSI), the
// Unicode line and paragraph separators, bidirectional overrides and
// invisible characters become visible escapes, so a name or path can
// neither break a line, drive a terminal, nor read differently from what
// it is; bytes that are not UTF-8 become U+FFFD.
func Clean(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r) // an invalid byte comes here as utf8.RuneError
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true // bidirectional embeddings, overrides, isolates and marks
	case r >= '\u200b' && r <= '\u200d', r == '\u2060', r == '\ufeff':
		return true // zero-width spaces and joiners
	}
	return false
}
