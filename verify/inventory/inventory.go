// Package inventory builds the release-checklist page: every mechanism
// the docs promise and whether the code has it, every knob the code reads
// and whether a doc names it, and coverage figures, in Markdown, HTML or
// JSON. It takes a finished run (verify's results and the names the index
// read) and renders; it decides nothing verify has not decided.
package inventory

import (
	"sort"
	"strings"

	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/known"
)

// Inventory is the page's data. Its JSON form is documented in the README
// ("docverify report --format json").
type Inventory struct {
	Root     string     `json:"root"`
	Coverage []Coverage `json:"coverage"`
	// ByDirectory splits the same figures by top-level directory: of the
	// docs for claims, of the code for read sites.
	ByDirectory  []DirCoverage  `json:"by_directory"`
	Safety       []Entry        `json:"safety"`
	Documented   []Entry        `json:"documented"`
	Undocumented []Undocumented `json:"undocumented"`
	// Since is what changed since an earlier revision (report --since);
	// nil without one.
	Since *Changes `json:"since,omitempty"`
}

// Coverage is one kind's figures.
type Coverage struct {
	Kind verify.Kind `json:"kind"`
	// Claimed counts the distinct names the docs claim of this kind and
	// this repository's (external and ignored ones aside); Verified,
	// Unwired, Dynamic and Missing split them.
	Claimed  int `json:"claimed"`
	Verified int `json:"verified"`
	Unwired  int `json:"unwired"`
	Dynamic  int `json:"dynamic"`
	Missing  int `json:"missing"`
	// Read counts the distinct names the code reads; ReadDocumented
	// those a doc names.
	Read           int `json:"read"`
	ReadDocumented int `json:"read_documented"`
}

// DirCoverage is one top-level directory's figures, all kinds together:
// the distinct names its docs claim and how many are verified, and the
// distinct names its code reads and how many a doc (anywhere) names.
type DirCoverage struct {
	Dir            string `json:"dir"` // "." for files at the root
	Claimed        int    `json:"claimed"`
	Verified       int    `json:"verified"`
	Read           int    `json:"read"`
	ReadDocumented int    `json:"read_documented"`
}

// Entry is one documented name at one place in the docs.
type Entry struct {
	Kind   verify.Kind   `json:"kind"`
	Name   string        `json:"name"`
	Status verify.Status `json:"status"`
	Doc    verify.Pos    `json:"doc"`
	// Code holds up to three places that implement or mention it.
	Code   []verify.Pos `json:"code,omitempty"`
	Via    string       `json:"via,omitempty"`
	Reason string       `json:"reason,omitempty"`
	Safety string       `json:"safety,omitempty"`
	// Ownership is the evidence that a missing name is the repository's
	// (or that it may not be), in words.
	Ownership []string `json:"ownership,omitempty"`
	// History is what git history says of a missing name ("removed in
	// 3f2c1ab (2024-05-02, ...)"), "" when not searched.
	History string `json:"history,omitempty"`
}

// Where is the code that implements an entry, or why there is none.
func (e Entry) Where() string {
	if len(e.Code) == 0 {
		return e.Reason
	}
	where := make([]string, len(e.Code))
	for i, p := range e.Code {
		where[i] = p.String()
	}
	return strings.Join(where, ", ")
}

// Undocumented is a name the code reads that no doc names.
type Undocumented struct {
	Kind  verify.Kind `json:"kind"`
	Name  string      `json:"name"`
	At    verify.Pos  `json:"at"`
	Via   string      `json:"via"`
	Sites int         `json:"sites"`
	// Own marks the repository's own knobs; an env var without its prefix
	// may be another program's the code only consults.
	Own bool `json:"own"`
}

// anyKind keys the names evidence documents, whatever their kind.
const anyKind verify.Kind = 0

// maxCode bounds the code places an entry lists.
const maxCode = 3

// Build assembles the inventory of a run.
func Build(root string, results []verify.Result, implemented []verify.Implemented) Inventory {
	inv := Inventory{Root: root}
	type claimKey struct {
		kind verify.Kind
		name string
	}
	documented := map[claimKey]bool{}
	byKind := map[verify.Kind]map[string]verify.Status{}
	seen := map[string]bool{}
	for _, r := range results {
		c := r.Claim
		documented[claimKey{c.Kind, fold(c.Name)}] = true
		for _, e := range r.Evidence {
			// a derived name documents its source, of whatever kind
			// (APP_RETRY_MAX documents the config key retry.max)
			documented[claimKey{anyKind, fold(e.Name)}] = true
		}
		e := Entry{Kind: c.Kind, Name: c.Display(), Status: r.Status, Doc: c.Pos, Reason: r.Reason}
		if r.Status == verify.Missing {
			for _, o := range r.Ownership {
				e.Ownership = append(e.Ownership, o.Detail)
			}
		}
		if c.Safety != "" && !c.SafetyFromName {
			e.Safety = c.Safety
		}
		for i, ev := range r.Evidence {
			if i == maxCode {
				break
			}
			e.Code = append(e.Code, ev.Pos)
			if i == 0 {
				e.Via = ev.Via
			}
		}
		key := c.Pos.String() + "\x00" + e.Name
		if seen[key] {
			continue
		}
		seen[key] = true
		inv.Documented = append(inv.Documented, e)
		if e.Safety != "" {
			inv.Safety = append(inv.Safety, e)
		}
		if r.Status == verify.External || r.Status == verify.Ignored {
			continue
		}
		if byKind[c.Kind] == nil {
			byKind[c.Kind] = map[string]verify.Status{}
		}
		// a name documented in several places counts once, at its worst
		if old, ok := byKind[c.Kind][c.Name]; !ok || worse(r.Status, old) {
			byKind[c.Kind][c.Name] = r.Status
		}
	}
	reads := map[verify.Kind][2]int{}
	for _, im := range implemented {
		if !ownKnob(im) {
			continue
		}
		n := reads[im.Kind]
		n[0]++
		if documented[claimKey{im.Kind, fold(im.Name)}] || documented[claimKey{anyKind, fold(im.Name)}] {
			n[1]++
		} else {
			inv.Undocumented = append(inv.Undocumented, Undocumented{Kind: im.Kind, Name: verify.DisplayName(im.Kind, im.Name), At: im.At.Pos, Via: im.At.Via, Sites: im.Sites, Own: im.Own})
		}
		reads[im.Kind] = n
	}
	for _, k := range []verify.Kind{verify.Env, verify.Flag, verify.Config, verify.Feature} {
		cov := Coverage{Kind: k, Read: reads[k][0], ReadDocumented: reads[k][1]}
		for _, st := range byKind[k] {
			cov.Claimed++
			switch st {
			case verify.Verified:
				cov.Verified++
			case verify.Unwired:
				cov.Unwired++
			case verify.Dynamic:
				cov.Dynamic++
			case verify.Missing:
				cov.Missing++
			}
		}
		if cov.Claimed > 0 || cov.Read > 0 {
			inv.Coverage = append(inv.Coverage, cov)
		}
	}
	inv.ByDirectory = byDirectory(results, implemented, func(im verify.Implemented) bool {
		return documented[claimKey{im.Kind, fold(im.Name)}] || documented[claimKey{anyKind, fold(im.Name)}]
	})
	sortEntries(inv.Safety)
	sortEntries(inv.Documented)
	sort.SliceStable(inv.Undocumented, func(i, j int) bool { return inv.Undocumented[i].Own && !inv.Undocumented[j].Own })
	return inv
}

// topDir is a path's first segment, "." for a file at the root.
func topDir(p string) string {
	if i := strings.IndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return "."
}

// byDirectory counts each top-level directory's distinct claimed names
// (verified at their worst place in it) and read names.
func byDirectory(results []verify.Result, implemented []verify.Implemented, isDocumented func(verify.Implemented) bool) []DirCoverage {
	type key struct {
		dir  string
		kind verify.Kind
		name string
	}
	claimed := map[key]verify.Status{}
	for _, r := range results {
		if r.Status == verify.External || r.Status == verify.Ignored {
			continue
		}
		k := key{topDir(r.Claim.Pos.File), r.Claim.Kind, r.Claim.Name}
		if old, ok := claimed[k]; !ok || worse(r.Status, old) {
			claimed[k] = r.Status
		}
	}
	dirs := map[string]*DirCoverage{}
	get := func(d string) *DirCoverage {
		if dirs[d] == nil {
			dirs[d] = &DirCoverage{Dir: d}
		}
		return dirs[d]
	}
	for k, st := range claimed {
		c := get(k.dir)
		c.Claimed++
		if st == verify.Verified {
			c.Verified++
		}
	}
	for _, im := range implemented {
		if !ownKnob(im) {
			continue
		}
		c := get(topDir(im.At.Pos.File))
		c.Read++
		if isDocumented(im) {
			c.ReadDocumented++
		}
	}
	out := make([]DirCoverage, 0, len(dirs))
	for _, c := range dirs {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out
}

// ownKnob reports whether a name the code reads is one of the
// repository's knobs a doc could be asked to name: not another program's
// well-known variable (HOME, PATH, BASH, CI providers'), and not read only
// by test code.
func ownKnob(im verify.Implemented) bool {
	if im.Kind == verify.Env || im.Kind == verify.Feature {
		if _, other := known.Env(im.Name); other {
			return false
		}
	}
	return !verify.TestPath(im.At.Pos.File)
}

// statusOrder ranks statuses for a release manager: what is missing first.
var statusOrder = map[verify.Status]int{verify.Missing: 0, verify.Unwired: 1, verify.Dynamic: 2, verify.Verified: 3, verify.External: 4, verify.Ignored: 5}

func worse(a, b verify.Status) bool { return statusOrder[a] < statusOrder[b] }

func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if statusOrder[a.Status] != statusOrder[b.Status] {
			return statusOrder[a.Status] < statusOrder[b.Status]
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Doc.Before(b.Doc)
	})
}

// fold is the form names are matched in between docs and code: case and
// the -, _ and . spellings aside (--dry-run documents dry_run, retry.max
// retry_max).
func fold(name string) string {
	return strings.ToLower(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimLeft(name, "-")))
}

// Percent is part of whole as a whole percentage, 100 for an empty whole.
func Percent(part, whole int) int {
	if whole == 0 {
		return 100
	}
	return part * 100 / whole
}

// AddHistory gives each missing entry the verdict of history on its name,
// from verdicts keyed by the name as code spells it (name keys the
// verdicts: --dry-run is dry-run, a config key its last segment).
func (inv *Inventory) AddHistory(verdicts map[string]string, name func(Entry) string) {
	for _, list := range [][]Entry{inv.Documented, inv.Safety} {
		for i := range list {
			if list[i].Status == verify.Missing {
				list[i].History = verdicts[name(list[i])]
			}
		}
	}
}
