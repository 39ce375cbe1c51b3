// Package baseline records a repository's accepted findings, so that
// docverify can be adopted where the docs have drifted already: the
// findings of today are written once, later runs hide them and report
// only new ones, and entries that no longer match anything are stale.
//
// Entries are keyed by fingerprint (rule, doc file, kind and name; never
// the line), so editing a doc above a known finding does not resurface it.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
	"github.com/docverify/docverify/verify"
)

// Version is the file format's version.
const Version = 1

// Entry is one accepted finding. Rule, File and Name are for the people
// who read the file; Fingerprint is what matches.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Name        string `json:"name,omitempty"`
	// Count is how many findings share the fingerprint (the same name
	// twice in one doc); a third one is new.
	Count int `json:"count,omitempty"`
	Line  int `json:"-"` // where the entry is in the baseline file
}

// Baseline is a parsed baseline file.
type Baseline struct {
	Path    string
	Entries []Entry
}

type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// maxSize bounds a baseline file: millions of entries, not /dev/zero.
const maxSize = 64 << 20

// Read loads a baseline file: a regular file, not through a link.
func Read(path string) (*Baseline, error) {
	src, err := safefile.Read(path, maxSize)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	var f file
	if err := json.Unmarshal(src, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a docverify baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d is not supported (want %d); rewrite it with --write-baseline", path, f.Version, Version)
	}
	b := &Baseline{Path: path, Entries: f.Findings}
	for i := range b.Entries {
		e := &b.Entries[i]
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: entry %d has no fingerprint", path, i+1)
		}
		if e.Count == 0 {
			e.Count = 1
		}
		if at := bytes.Index(src, []byte(`"`+e.Fingerprint+`"`)); at >= 0 {
			e.Line = bytes.Count(src[:at], []byte("\n")) + 1
		}
	}
	return b, nil
}

// Write records findings as a baseline, one entry a line so that diffs of
// the file are readable. Findings about the baseline itself are left out.
func Write(w io.Writer, findings []verify.Finding) error {
	byFP := map[string]*Entry{}
	var entries []*Entry
	for _, f := range findings {
		if f.Rule == verify.RuleStaleBaseline {
			continue
		}
		fp := f.Fingerprint()
		if e := byFP[fp]; e != nil {
			e.Count++
			continue
		}
		e := &Entry{Fingerprint: fp, Rule: f.Rule.ID, File: f.Pos.File, Name: f.Name, Count: 1}
		byFP[fp] = e
		entries = append(entries, e)
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Rule < b.Rule
	})
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", Version)
	for i, e := range entries {
		if e.Count == 1 {
			e.Count = 0 // omitted: one is the default
		}
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// Filter hides the findings the baseline accepts. It returns the rest,
// and a finding for each entry of a checked doc that matched nothing.
func (b *Baseline) Filter(findings []verify.Finding, checked func(doc string) bool) []verify.Finding {
	total, left := map[string]int{}, map[string]int{}
	for _, e := range b.Entries {
		total[e.Fingerprint] += e.Count
		left[e.Fingerprint] += e.Count
	}
	var out []verify.Finding
	for _, f := range findings {
		fp := f.Fingerprint()
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		out = append(out, f)
	}
	// An entry is stale when nothing matched it; one that matched fewer
	// findings than it counts still holds the rest.
	for _, e := range b.Entries {
		if left[e.Fingerprint] == 0 || left[e.Fingerprint] < total[e.Fingerprint] || !checked(e.File) {
			continue
		}
		left[e.Fingerprint] = 0 // one finding per fingerprint
		what := e.Rule + " in " + e.File
		if e.Name != "" {
			what = e.Rule + " for " + e.Name + " in " + e.File
		}
		out = append(out, verify.Finding{
			Rule: verify.RuleStaleBaseline, Severity: verify.RuleStaleBaseline.Severity,
			Pos:     verify.Pos{File: b.Path, Line: e.Line, Col: 1},
			Message: "the baseline accepts " + what + ", which this run no longer finds; rewrite the baseline with --write-baseline",
		})
	}
	return out
}
