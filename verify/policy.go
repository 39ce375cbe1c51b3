package verify

import "path"

// Policy is what a repository's configuration changes in judging claims:
// names it declares to belong to other programs, and rule severities.
type Policy struct {
	Source string // the configuration file, for messages
	// External holds names, and patterns with * and ?, of names that
	// belong to other programs. A claim matches by its name as written or
	// as displayed (--flag).
	External []string
	// Severity overrides rules' default severities, by rule ID.
	Severity map[string]Severity
	// Off turns rules off, by rule ID.
	Off map[string]bool
}

func (p Policy) source() string {
	if p.Source == "" {
		return "the configuration"
	}
	return p.Source
}

func (p Policy) external(c Claim) bool {
	for _, pat := range p.External {
		for _, n := range []string{c.Name, c.Text, c.Display()} {
			if ok, _ := path.Match(pat, n); ok {
				return true
			}
		}
	}
	return false
}

// Apply gives findings the configured severities and drops those of rules
// that are off.
func (p Policy) Apply(fs []Finding) []Finding {
	if len(p.Severity) == 0 && len(p.Off) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if p.Off[f.Rule.ID] {
			continue
		}
		if s, ok := p.Severity[f.Rule.ID]; ok {
			f.Severity = s
		}
		out = append(out, f)
	}
	return out
}

// Enabled reports whether a rule runs: not turned off, and given a
// severity if it is off by default.
func (p Policy) Enabled(r *Rule) bool {
	if p.Off[r.ID] {
		return false
	}
	_, set := p.Severity[r.ID]
	return !r.OffByDefault || set
}
