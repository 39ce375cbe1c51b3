package report

import (
	"encoding/json"
	"io"

	"github.com/docverify/docverify/verify"
)

// JSONVersion is the version of the JSON document; it changes only when a
// field changes meaning or goes away.
const JSONVersion = 1

// JSON writes one JSON document, described in the README.
type JSON struct{}

type jsonDoc struct {
	Version  int           `json:"version"`
	Root     string        `json:"root"`
	Findings []jsonFinding `json:"findings"`
	Claims   []jsonClaim   `json:"claims"`
	Stats    jsonStats     `json:"stats"`
}

type jsonFinding struct {
	Rule       string         `json:"rule"`
	Slug       string         `json:"slug"`
	Severity   string         `json:"severity"`
	Kind       string         `json:"kind,omitempty"`
	Name       string         `json:"name,omitempty"`
	File       string         `json:"file"`
	Line       int            `json:"line"`
	Column     int            `json:"column"`
	Message    string         `json:"message"`
	Searched   string         `json:"searched,omitempty"` // what was looked through for a missing name
	Suggestion string         `json:"suggestion,omitempty"`
	Related    []jsonEvidence `json:"related,omitempty"`
	// Ownership is the evidence weighed of whose name a missing one is.
	Ownership []verify.Ownership `json:"ownership,omitempty"`
}

type jsonClaim struct {
	Name     string         `json:"name"`
	Text     string         `json:"text"`
	Kind     string         `json:"kind"`
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Column   int            `json:"column"`
	Source   string         `json:"source"`
	Command  string         `json:"command,omitempty"`
	Explicit bool           `json:"explicit"`
	Safety   string         `json:"safety,omitempty"`
	Status   string         `json:"status"`
	Reason   string         `json:"reason,omitempty"`
	Evidence []jsonEvidence `json:"evidence"`
}

type jsonEvidence struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column,omitempty"`
	Name     string `json:"name,omitempty"`
	Via      string `json:"via"`
	Strength string `json:"strength"`
}

type jsonStats struct {
	Stats
	Findings  map[string]int `json:"findings"`
	ElapsedMS int64          `json:"elapsed_ms"`
}

func evidence(evs []verify.Evidence) []jsonEvidence {
	out := make([]jsonEvidence, 0, len(evs))
	for _, e := range evs {
		out = append(out, jsonEvidence{File: e.Pos.File, Line: e.Pos.Line, Column: e.Pos.Col, Name: e.Name, Via: e.Via, Strength: e.Strength.String()})
	}
	return out
}

func (JSON) Report(w io.Writer, r *Run) error {
	doc := jsonDoc{Version: JSONVersion, Root: r.Root, Findings: []jsonFinding{}, Claims: []jsonClaim{}}
	for _, f := range r.Findings {
		kind := ""
		if f.Kind != verify.KindUnknown {
			kind = f.Kind.String()
		}
		doc.Findings = append(doc.Findings, jsonFinding{
			Rule: f.Rule.ID, Slug: f.Rule.Slug, Severity: f.Severity.String(), Kind: kind, Name: f.Name,
			File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Message: f.Message, Searched: f.Searched, Suggestion: f.Suggestion,
			Related: evidence(f.Related), Ownership: f.Ownership,
		})
	}
	for _, res := range r.Results {
		c := res.Claim
		doc.Claims = append(doc.Claims, jsonClaim{
			Name: c.Name, Text: c.Text, Kind: c.Kind.String(), File: c.Pos.File, Line: c.Pos.Line, Column: c.Pos.Col,
			Source: c.Source.String(), Command: c.Command, Explicit: c.Explicit, Safety: c.Safety,
			Status: res.Status.String(), Reason: res.Reason, Evidence: evidence(res.Evidence),
		})
	}
	doc.Stats = jsonStats{Stats: r.Stats, Findings: map[string]int{"error": 0, "warning": 0, "info": 0}, ElapsedMS: r.Stats.Elapsed.Milliseconds()}
	if doc.Stats.Languages == nil {
		doc.Stats.Languages = map[string]int{}
	}
	if doc.Stats.Unindexed == nil {
		doc.Stats.Unindexed = map[string]int{}
	}
	for sev, n := range r.Counts() {
		doc.Stats.Findings[sev.String()] = n
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
