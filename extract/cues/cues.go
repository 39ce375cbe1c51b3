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
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
)

// A Cue is one entry of a vocabulary: Label is what messages quote, Pattern
// the regular expression (case-insensitive, whole words) that finds it.
type Cue struct {
	Label   string
	Pattern string
}

// NotSafetyRE finds the phrases that use a safety word for what leaving
// a setting out does, or for the value it defaults to: they describe an
// optional setting, not a switch an on-call engineer reaches for. "Set
// X to false to disable it" is still a disable switch; "leave X empty to
// disable" and "falls back to RAILS_HOST" are not.
var NotSafetyRE = regexp.MustCompile(`(?i)` + strings.Join([]string{
	`\bleave (it |this |them )?(empty|unset|blank)( to disable( it)?)?`,
	`\b(when|if) (it is |it's |this is |they are )?(not set|unset|empty|omitted|absent|missing|not provided|not configured)\b[^.;]*?\bdisabled\b`,
	`\b(is |are )?disabled (when|if) (it is |it's |this is )?(not set|unset|empty|omitted|absent|missing|not provided)\b`,
	// a name after it may reach here masked, as blanks
	`\bfall(s|ing)? ?back to( the (value|default)\b|\s*[^a-z\s]|\s*$)`,
	`\b(metadata|default) fall ?backs?\b`,
}, "|"))

// Safety lists what presents a name as a safety mechanism: the things an
// on-call engineer reaches for to make a system stop, slow down, refuse, or
// check. The brief lists them: disabling or switching off, kill switches,
// emergency and incident response, rollback, dry runs, read-only,
// safe and maintenance modes, rate limits and quotas, timeouts,
// circuit breakers, verification (TLS, checksums, signatures),
// authentication, and guarding, protecting, preventing, refusing, blocking;
// and the security toggles (a content security policy, encryption,
// allow-lists, CSRF protection, HSTS, sandboxing). Retries, backoff and
// fallbacks are not among them: they make a system try harder, not stop
// or refuse, and on first runs every judge called an error from them
// severity-wrong (a retry count, a fallback URL).
var Safety = []Cue{
	{"kill switch", `kill[ -]?switch(es)?`},
	{"disable", `disabl(e|es|ed|ing)`},
	{"switch off", `(switch(es|ed)?|turn(s|ed)?|shut(s)?|power(s|ed)?) (it |this |them |that )?off`},
	{"emergency", `emergenc(y|ies)`},
	{"incident", `incidents?`},
	{"outage", `outages?`},
	{"rollback", `roll(ed|s|ing)?[ -]?backs?`},
	{"dry run", `dry[ -]?runs?`},
	{"read-only", `read[ -]?only`},
	{"safe mode", `safe[ -]mode`},
	{"maintenance mode", `maintenance([ -]mode)?`},
	{"rate limit", `rate[ -]?limit(s|ed|ing|er)?`},
	{"throttle", `throttl(e|es|ed|ing)`},
	{"quota", `quotas?`},
	{"timeout", `time[ -]?outs?|timed out`},
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
	{"block", `block(ed|ing)|blocks (the |all |any )?(requests?|traffic|access|connections?|writes?|deletes?|deploys?|calls?)`}, // not "config blocks"
	{"deny", `deny|denies|denied`},
	{"lockdown", `lock[ -]?down`},
	// security toggles: a phantom one leaves a system open that the docs
	// say is closed
	{"content security policy", `content[ -]security[ -]polic(y|ies)|csp`},
	{"encryption", `encrypt(s|ed|ion|ing)?`},
	{"allow-list", `(allow|white|deny|block)[ -]?lists?`},
	{"CSRF protection", `csrf|xsrf`},
	{"HSTS", `hsts|strict[ -]transport[ -]security`},
	{"sandbox", `sandbox(ed|es|ing)?`},
}

// Historical lists what says a name no longer exists. A name after a
// successor phrase ("renamed to X", "replaced by X", "use X instead") is
// the current one and stays a claim.
var Historical = []Cue{
	// a removal yet to come is a deprecation: the name still works
	{"is deprecated", `(will|to|may|might|shall|would) (soon )?be removed|(scheduled|slated|planned|marked) for removal`},
	{"was removed", `(has been|have been|was|were|is|are|got) removed|removed|removal of`},
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
	{"use", `use`},
}

// Predecessor lists the phrases after which a name is the old one, even
// when a successor phrase comes first: "use X instead of the removed Y".
var Predecessor = []Cue{
	{"instead of", `instead of|rather than`},
	{"the removed", `the (removed|deprecated|old|legacy|former)`},
	{"formerly", `formerly|previously`},
}

// Kind cues. Each is matched near the claim first (a few words either
// side), then anywhere in its sentence.
var (
	EnvCue     = Cue{"environment variable", `env(ironment)?[ -]?var(iable)?s?|environment|env|exported|export`}
	FeatureCue = Cue{"feature flag", `feature[ -]?(flag|toggle|switch|gate)s?|flag (service|sdk|provider)|launchdarkly|unleash|growthbook|split\.io|flagd|flipt|openfeature`}
	FlagCue    = Cue{"flag", `flags?|options?|switch(es)?|arguments?|args?|parameters?|command[ -]line`}
	// ConfigCue presents a snippet or a name as configuration. File
	// formats (YAML, JSON) are not cues: data and API payloads use them too.
	ConfigCue = Cue{"config", `config(uration|ure|ured)?s?|settings?`}
	// ConfigKeyCue are the weaker words that make a name right beside them
	// a config key ("the retry.max_attempts key").
	ConfigKeyCue = Cue{"config key", `config(uration)?s?|settings?|keys?|propert(y|ies)|fields?|options?`}
	// SetCue is an imperative that presents a name as something to set.
	SetCue = Cue{"set", `set(ting)?|sets|override|overrides`}
)

// Matcher finds the cues of one vocabulary in a text. The vocabulary is
// compiled into a single alternation, so a text is scanned once however
// many cues there are.
type Matcher struct {
	cues []Cue
	re   *regexp.Regexp
	// anchors are literals one of which a text must contain (lower-cased)
	// for the expression to match; nil when a cue has none to offer.
	anchors []string
}

// NewMatcher compiles a vocabulary; extra entries (from configuration) come
// after the built-in ones.
func NewMatcher(vocab []Cue, extra ...Cue) (*Matcher, error) {
	m := &Matcher{}
	var alts []string
	for _, c := range append(append([]Cue(nil), vocab...), extra...) {
		if _, err := regexp.Compile(c.Pattern); err != nil {
			return nil, fmt.Errorf("cue %q: %w", c.Label, err)
		}
		m.cues = append(m.cues, c)
		alts = append(alts, "("+nonCapturing(c.Pattern)+")")
	}
	re, err := regexp.Compile(`(?i)(?:^|[^\pL\pN_])(?:` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN_])`)
	if err != nil {
		return nil, err
	}
	m.re = re
	for _, c := range m.cues {
		lits, ok := leadingLiterals(c.Pattern)
		if !ok {
			m.anchors = nil
			break
		}
		m.anchors = append(m.anchors, lits...)
	}
	return m, nil
}

// maybe reports whether text can hold a cue at all: whether it contains
// one of the literals every match starts with. Most texts hold none, and
// strings.Contains is far cheaper than the expression.
func (m *Matcher) maybe(text string) bool {
	if m.anchors == nil {
		return true
	}
	low := strings.ToLower(text)
	for _, a := range m.anchors {
		if strings.Contains(low, a) {
			return true
		}
	}
	return false
}

// leadingLiterals lists literals, one of which starts every match of a
// pattern, lower-cased; ok is false when the pattern can start with
// something that is not a literal.
func leadingLiterals(pattern string) ([]string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	return literalsOf(re.Simplify())
}

func literalsOf(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			lits, ok := literalsOf(sub)
			if !ok {
				return nil, false
			}
			out = append(out, lits...)
		}
		return out, true
	case syntax.OpConcat:
		if len(re.Sub) > 0 {
			return literalsOf(re.Sub[0])
		}
	case syntax.OpCapture, syntax.OpPlus:
		return literalsOf(re.Sub[0])
	case syntax.OpCharClass:
		// a small class of letters, as in [rR]etry: each letter is a literal
		if n := classSize(re.Rune); n > 0 && n <= 4 {
			var out []string
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					out = append(out, strings.ToLower(string(r)))
				}
			}
			return out, true
		}
	}
	return nil, false
}

func classSize(rs []rune) int {
	n := 0
	for i := 0; i+1 < len(rs); i += 2 {
		n += int(rs[i+1]-rs[i]) + 1
	}
	return n
}

// nonCapturing turns the groups of a cue pattern into non-capturing ones,
// so that each cue is exactly one group of the combined expression.
func nonCapturing(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		b.WriteByte(p[i])
		if p[i] == '\\' && i+1 < len(p) {
			i++
			b.WriteByte(p[i])
			continue
		}
		if p[i] == '(' && (i+1 >= len(p) || p[i+1] != '?') {
			b.WriteString("?:")
		}
	}
	return b.String()
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

func (m *Matcher) match(loc []int) Match {
	for i := range m.cues {
		if g := 2 * (i + 1); loc[g] >= 0 {
			return Match{Label: m.cues[i].Label, Start: loc[g], End: loc[g+1]}
		}
	}
	return Match{}
}

// Find returns the first cue in text.
func (m *Matcher) Find(text string) (Match, bool) {
	if !m.maybe(text) {
		return Match{}, false
	}
	loc := m.re.FindStringSubmatchIndex(text)
	if loc == nil {
		return Match{}, false
	}
	return m.match(loc), true
}

// FindAll returns every cue in text, in text order. Each search resumes
// at the end of the word found, not after the boundary that closed it, so
// that adjacent cues ("TLS verification") are both found.
func (m *Matcher) FindAll(text string) []Match {
	if !m.maybe(text) {
		return nil
	}
	var out []Match
	for pos := 0; pos < len(text); {
		loc := m.re.FindStringSubmatchIndex(text[pos:])
		if loc == nil {
			break
		}
		c := m.match(loc)
		c.Start, c.End = c.Start+pos, c.End+pos
		out = append(out, c)
		pos = c.End
	}
	return out
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
