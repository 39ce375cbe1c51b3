package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/docverify/docverify/verify"
)

// SARIF writes a SARIF 2.1.0 log for code-scanning dashboards: one rule
// entry per rule with its descriptions and help, one result per finding
// at the doc position, the code evidence or nearest real name as related
// locations, and fingerprints that do not change when lines shift.
type SARIF struct {
	Version string // docverify's version, for tool.driver.version
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                      `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocURI `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult                  `json:"results"`
	ColumnKind         string                         `json:"columnKind"`
}

type sarifArtifactLocURI struct {
	URI string `json:"uri"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	// Enabled is false for a rule that runs only when asked (SARIF's
	// reportingConfiguration.enabled, true when absent).
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

// sarifFix is the did-you-mean as a change a dashboard can apply: the
// name in the doc replaced by the one the code has.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifSpan `json:"deletedRegion"`
	InsertedContent sarifText `json:"insertedContent"`
}

type sarifSpan struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndColumn   int `json:"endColumn"`
}

// sarifSuppression records a finding a comment in the doc hides.
type sarifSuppression struct {
	Kind          string `json:"kind"` // "inSource": a docverify-disable comment
	Justification string `json:"justification"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// markdownHelp is a rule's help with its comment syntax as code, so that
// a dashboard shows it instead of hiding it as an HTML comment.
func markdownHelp(r *verify.Rule) string {
	h := r.Help()
	if i := strings.Index(h, "<!--"); i >= 0 {
		if j := strings.Index(h[i:], "-->"); j >= 0 {
			h = h[:i] + "`" + h[i:i+j+3] + "`" + h[i+j+3:]
		}
	}
	return h
}

// sarifLevel maps severities to SARIF levels.
func sarifLevel(s verify.Severity) string {
	switch s {
	case verify.Error:
		return "error"
	case verify.Warning:
		return "warning"
	}
	return "note"
}

// ruleName is a rule's slug in the PascalCase SARIF viewers show.
func ruleName(slug string) string {
	var b strings.Builder
	for _, w := range strings.Split(slug, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func location(p verify.Pos) sarifPhysicalLocation {
	loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uriPath(p.File), URIBaseID: "%SRCROOT%"}}
	if p.Line > 0 {
		loc.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
	}
	return loc
}

// uriPath escapes a slash path for a relative URI reference.
func uriPath(p string) string {
	var b strings.Builder
	for _, r := range p {
		switch {
		case r == '/' || r == '-' || r == '_' || r == '.' || r == '~' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			for _, c := range []byte(string(r)) {
				b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
			}
		}
	}
	return b.String()
}

func (s SARIF) Report(w io.Writer, r *Run) error {
	driver := sarifDriver{Name: "docverify", Version: s.Version, InformationURI: "https://github.com/docverify/docverify"}
	index := map[string]int{}
	for i, rule := range verify.Rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID: rule.ID, Name: ruleName(rule.Slug),
			ShortDescription:     sarifText{Text: rule.Summary},
			FullDescription:      sarifText{Text: rule.Doc},
			Help:                 sarifText{Text: rule.Help(), Markdown: "**" + rule.ID + " " + rule.Slug + "**: " + markdownHelp(rule)},
			HelpURI:              HelpURI(rule),
			DefaultConfiguration: sarifRuleConfig{Enabled: offByDefault(rule), Level: sarifLevel(rule.Severity)},
			Properties:           map[string]any{"slug": rule.Slug, "tags": ruleTags(rule)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	if r.Root != "" {
		root := strings.ReplaceAll(r.Root, `\`, "/")
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		if !strings.HasPrefix(root, "/") {
			root = "/" + root
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocURI{"%SRCROOT%": {URI: "file://" + uriPath(root)}}
	}
	all := append([]verify.Finding(nil), r.Findings...)
	for _, sup := range r.Suppressed {
		all = append(all, sup.Finding)
	}
	fps := occurrenceFingerprints(all)
	for i, f := range all {
		fp := fps[i]
		res := sarifResult{
			RuleID: f.Rule.ID, RuleIndex: index[f.Rule.ID], Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: linkedMessage(fullMessage(f), f.Related)},
			Locations:           []sarifLocation{{PhysicalLocation: location(f.Pos)}},
			PartialFingerprints: map[string]string{"docverify/v1": fp},
		}
		if f.Kind != verify.KindUnknown {
			tags := []string{f.Kind.String()}
			if f.Rule == verify.RuleMissingSafety {
				tags = append(tags, "safety")
			}
			res.Properties = map[string]any{"tags": tags}
		}
		if fix, ok := suggestionFix(f); ok {
			res.Fixes = []sarifFix{fix}
		}
		if k := i - len(r.Findings); k >= 0 {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: r.Suppressed[k].By.Reason}}
		}
		for i, e := range f.Related {
			id := i + 1
			msg := e.Via
			if e.Name != "" {
				msg = e.Name + ": " + e.Via
			}
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id, PhysicalLocation: location(e.Pos), Message: &sarifText{Text: msg}})
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// offByDefault is SARIF's enabled: false for a rule that runs only when
// asked, and nothing otherwise.
func offByDefault(r *verify.Rule) *bool {
	if !r.OffByDefault {
		return nil
	}
	off := false
	return &off
}

// occurrenceFingerprints are the findings' fingerprints, each repeat of
// one (the second claim of a name in one doc) with its occurrence added,
// still line-free: code scanning and GitLab merge findings that share a
// fingerprint, and neither may hide the other.
func occurrenceFingerprints(fs []verify.Finding) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		fp := f.Fingerprint()
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp = fmt.Sprintf("%s/%d", fp, n)
		}
		out[i] = fp
	}
	return out
}

// HelpURI is where a rule's family is explained: the README's sections on
// how claims are decided, on suppressing findings, and on baselines.
func HelpURI(r *verify.Rule) string {
	const base = "https://github.com/docverify/docverify#"
	switch {
	case r == verify.RuleStaleBaseline:
		return base + "adopting-docverify-where-the-docs-have-drifted"
	case strings.HasPrefix(r.ID, "DV3"):
		return base + "suppressing-a-finding"
	case strings.HasPrefix(r.ID, "DV2"):
		return base + "known-limits"
	}
	return base + "how-claims-and-evidence-are-decided"
}

// ruleTags are the categories dashboards filter rules by.
func ruleTags(r *verify.Rule) []string {
	tags := []string{"documentation"}
	switch {
	case r == verify.RuleMissingSafety:
		tags = append(tags, "safety", "drift")
	case r == verify.RuleMissing:
		tags = append(tags, "drift")
	case r == verify.RuleUndocumented:
		tags = append(tags, "coverage")
	case strings.HasPrefix(r.ID, "DV10"):
		tags = append(tags, "claim") // a name the code lacks, undecided whose
	case strings.HasPrefix(r.ID, "DV2"):
		tags = append(tags, "input")
	case strings.HasPrefix(r.ID, "DV3"):
		tags = append(tags, "suppression")
	}
	return tags
}

// fullMessage is a finding's message with what was searched, for the
// formats a dashboard shows at length.
func fullMessage(f verify.Finding) string {
	if f.Searched == "" {
		return f.Message
	}
	return f.Message + " (searched " + f.Searched + ")"
}

// suggestionFix is a finding's did-you-mean as a replacement of the name
// where the doc writes it. Only env vars and flags: the doc writes them
// as they are named (a config key in a snippet is written by its last
// segment under its sections, which a replacement of the whole path
// would break).
func suggestionFix(f verify.Finding) (sarifFix, bool) {
	if f.Suggestion == "" || f.Pos.Line < 1 || f.Pos.Col < 1 || f.Kind != verify.Env && f.Kind != verify.Flag {
		return sarifFix{}, false
	}
	return sarifFix{
		Description: sarifText{Text: "Replace " + f.Name + " with " + f.Suggestion + ", the name the code has"},
		ArtifactChanges: []sarifArtifactChange{{
			ArtifactLocation: sarifArtifactLocation{URI: uriPath(f.Pos.File), URIBaseID: "%SRCROOT%"},
			Replacements: []sarifReplacement{{
				DeletedRegion:   sarifSpan{StartLine: f.Pos.Line, StartColumn: f.Pos.Col, EndColumn: f.Pos.Col + utf8.RuneCountInString(f.Name)},
				InsertedContent: sarifText{Text: f.Suggestion},
			}},
		}},
	}, true
}

// linkedMessage turns the code positions a message cites into SARIF's
// embedded links to the result's related locations ("read at
// [svc.py:3:21](1)"), after escaping the brackets the text has of its own.
func linkedMessage(msg string, related []verify.Evidence) string {
	msg = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(msg)
	for i, e := range related {
		pos := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(e.Pos.String())
		if e.Pos.File == "" || !strings.Contains(msg, pos) {
			continue
		}
		msg = strings.Replace(msg, pos, fmt.Sprintf("[%s](%d)", pos, i+1), 1)
	}
	return msg
}
