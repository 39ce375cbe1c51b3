// Package cues is docverify's vocabulary: the words in a doc's text that
// change how a claim is judged. It is the one place to read or extend them.
//
//   - Safety cues mark a claim as a safety mechanism, which makes a missing
//     one an error instead of a warning.
//   - Historical cues mark a claim as a name the docs say is gone, which is
//     not a claim that it exists.
//   - Kind cues say what a name is ("the X environment variable"), which
//     makes a claim explicit.
//
// Matching is case-insensitive on whole words (an underscore joins words,
// so FEED_TIMEOUT_MS in a sentence is not the word "timeout"); the claimed
// name itself is
// matched too, split into words, so FOO_KILL_SWITCH and --dry-run carry
// their own safety cue.
package cues

import (
	"regexp"
	"strings"
)

// A Cue is one entry of a vocabulary: Label is what messages quote, Pattern
// the regular expression (case-insensitive, whole words) that finds it.
type Cue struct {
	Label   string
	Pattern string
}

// Safety lists what presents a name as a safety mechanism: the things an
// on-call engineer reaches for to make a system stop, slow down, refuse, or
// check. The brief lists them: disabling or switching off, kill switches,
// emergency and incident response, rollback, fallback, dry runs, read-only,
// safe and maintenance modes, rate limits and quotas, timeouts, retries,
// circuit breakers, verification (TLS, checksums, signatures),
// authentication, and guarding, protecting, preventing, refusing, blocking.
var Safety = []Cue{
	{"kill switch", `kill[ -]?switch(es)?`},
	{"disable", `disabl(e|es|ed|ing)`},
	{"switch off", `(switch(es|ed)?|turn(s|ed)?|shut(s)?|power(s|ed)?) (it |this |them |that )?off`},
	{"emergency", `emergenc(y|ies)`},
	{"incident", `incidents?`},
	{"outage", `outages?`},
	{"rollback", `roll(ed|s|ing)?[ -]?backs?`},
	{"fallback", `fall(s|ing)?[ -]?backs?|fail[ -]?over`},
	{"dry run", `dry[ -]?runs?`},
	{"read-only", `read[ -]?only`},
	{"safe mode", `safe[ -]mode`},
	{"maintenance mode", `maintenance([ -]mode)?`},
	{"rate limit", `rate[ -]?limit(s|ed|ing|er)?`},
	{"throttle", `throttl(e|es|ed|ing)`},
	{"quota", `quotas?`},
	{"timeout", `time[ -]?outs?|timed out`},
	{"retry", `retr(y|ies|ied|ying)`},
	{"backoff", `back[ -]?off`},
	{"circuit breaker", `circuit[ -]?breakers?`},
	{"verification", `verification|(skip|disable|insecure)[ -]?verify|verify[ -](tls|ssl|certs?|certificates?|signatures?|checksums?)`},
	{"TLS", `tls|ssl|mtls`},
	{"certificate", `certificates?|certs?`},
	{"checksum", `checksums?`},
	{"signature", `signatures?|signing`},
	{"insecure", `insecure`},
	{"authentication", `auth|authn|authentication|authenticat(e|es|ed|ing)|authoriz(e|ation)`},
	{"guard", `guard(s|ed|ing|rails?)?`},
	{"protect", `protect(s|ed|ing|ion)?`},
	{"prevent", `prevent(s|ed|ing)?`},
	{"refuse", `refus(e|es|ed|ing)`},
	{"block", `block(s|ed|ing)`},
	{"deny", `deny|denies|denied`},
	{"lockdown", `lock[ -]?down`},
}

// Historical lists what says a name no longer exists. A name after a
// successor phrase ("renamed to X", "replaced by X", "use X instead") is
// the current one and stays a claim.
var Historical = []Cue{
	{"was removed", `(has been|have been|was|were|is|are|got) removed|removed in`},
	{"was renamed", `(has been|was|were|is) renamed|renamed (from|in)`},
	{"is deprecated", `deprecat(ed|es|ion)`},
	{"is no longer", `no longer (supported|used|read|honou?red|available|exists?|works?|recogni[sz]ed)`},
	{"is obsolete", `obsolete`},
	{"was replaced", `(has been|was|were|is) (replaced|superseded)`},
	{"was dropped", `(has been|was|were) dropped|dropped support`},
}

// Successor lists the phrases after which a name is the current one.
var Successor = []Cue{
	{"renamed to", `renamed to`},
	{"replaced by", `replaced (by|with)|superseded by`},
	{"in favour of", `in favou?r of`},
	{"use instead", `use|instead`},
}

// Kind cues. Each is matched near the claim first (a few words either
// side), then anywhere in its sentence.
var (
	EnvCue     = Cue{"environment variable", `env(ironment)?[ -]?var(iable)?s?|environment|env|exported|export`}
	FeatureCue = Cue{"feature flag", `feature[ -]?(flag|toggle|switch|gate)s?|flag (service|sdk|provider)|launchdarkly|unleash|growthbook|split\.io|flagd|flipt|openfeature`}
	FlagCue    = Cue{"flag", `flags?|options?|switch(es)?|arguments?|args?|parameters?|command[ -]line`}
	ConfigCue  = Cue{"config", `config(uration)?s?|settings?|keys?|propert(y|ies)|fields?|options?|ya?ml|toml|json|ini|\.properties`}
	// SetCue is an imperative that presents a name as something to set.
	SetCue = Cue{"set", `set(ting)?|sets|override|overrides`}
)

// Matcher finds the cues of one vocabulary in a text.
type Matcher struct {
	cues []Cue
	res  []*regexp.Regexp
}

// NewMatcher compiles a vocabulary; extra entries (from configuration) come
// after the built-in ones.
func NewMatcher(vocab []Cue, extra ...Cue) (*Matcher, error) {
	m := &Matcher{}
	for _, c := range append(append([]Cue(nil), vocab...), extra...) {
		re, err := regexp.Compile(`(?i)(^|[^\pL\pN_])(` + c.Pattern + `)($|[^\pL\pN_])`)
		if err != nil {
			return nil, err
		}
		m.cues = append(m.cues, c)
		m.res = append(m.res, re)
	}
	return m, nil
}

// MustMatcher is NewMatcher for the built-in vocabularies, which are tested.
func MustMatcher(vocab []Cue) *Matcher {
	m, err := NewMatcher(vocab)
	if err != nil {
		panic(err)
	}
	return m
}

// Match is one cue found in a text: its label and byte range.
type Match struct {
	Label      string
	Start, End int
}

// Find returns the first cue in text, in vocabulary order.
func (m *Matcher) Find(text string) (Match, bool) {
	for i, re := range m.res {
		if loc := re.FindStringSubmatchIndex(text); loc != nil {
			return Match{Label: m.cues[i].Label, Start: loc[4], End: loc[5]}, true
		}
	}
	return Match{}, false
}

// FindAll returns every cue in text, in text order.
func (m *Matcher) FindAll(text string) []Match {
	var out []Match
	for i, re := range m.res {
		for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
			out = append(out, Match{Label: m.cues[i].Label, Start: loc[4], End: loc[5]})
		}
	}
	sortMatches(out)
	return out
}

func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// NameWords turns a name into the words it is made of, so that the safety
// vocabulary can be matched against it: KILL_SWITCH → "kill switch",
// --dry-run → "dry run", readOnly → "read only".
func NameWords(name string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range name {
		switch {
		case r == '_' || r == '-' || r == '.' || r == '$' || r == '{' || r == '}':
			b.WriteByte(' ')
			prevLower = false
		case r >= 'A' && r <= 'Z':
			if prevLower {
				b.WriteByte(' ')
			}
			b.WriteRune(r + ('a' - 'A'))
			prevLower = false
		default:
			b.WriteRune(r)
			prevLower = r >= 'a' && r <= 'z'
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
