package report

import (
	"encoding/json"
	"io"

	"github.com/docverify/docverify/verify"
)

// GitLab writes a GitLab Code Quality report: a JSON array of issues that
// merge requests show in their widget and diff, read from a job's
// artifacts:reports:codequality file.
type GitLab struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

func (GitLab) Report(w io.Writer, r *Run) error {
	issues := []gitlabIssue{}
	fps := occurrenceFingerprints(r.Findings)
	for i, f := range r.Findings {
		fp := fps[i]
		line := f.Pos.Line
		if line < 1 {
			line = 1 // a finding about a whole file
		}
		issues = append(issues, gitlabIssue{
			Description: f.Message, CheckName: f.Rule.ID + " " + f.Rule.Slug, Fingerprint: fp,
			Severity: gitlabSeverity(f.Severity), Location: gitlabLocation{Path: f.Pos.File, Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// gitlabSeverity maps severities to Code Quality's: an error blocks, as
// --fail-on error does.
func gitlabSeverity(s verify.Severity) string {
	switch s {
	case verify.Error:
		return "critical"
	case verify.Warning:
		return "major"
	}
	return "info"
}
