package verify

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/docverify/docverify/verify/known"
)

// A name the code does not have is a finding about this repository only
// if something says it is this repository's name. Docs are full of other
// people's names: another tool's config in a snippet, the keys of a
// user's map, a plugin's options documented in a sibling repository.
// Each needs its own owner to be dismissed, but all share one trait: a
// maintainer who dismisses them points at evidence of whose name it is.
// This file holds that evidence, as a table: a missing name is reported
// as missing when some rule finds positive evidence and none finds
// evidence against it; otherwise it is "unowned" (DV1007, info).

// OwnKind is a kind of evidence that a name is this repository's.
type OwnKind uint8

const (
	OwnUnknown        OwnKind = iota
	OwnPrefix                 // an env name with the prefix the repository's variables share
	OwnCommand                // on a command line of the repository's own program
	OwnNearName               // one typo or one word from a name the code has
	OwnParent                 // a config key under a section the code's config structures have
	OwnSiblings               // the other names of its list, table, snippet or section are the code's
	OwnNamed                  // its sentence names a program of this repository, and no other
	OwnSafetyStated           // its sentence presents it as a safety mechanism, naming no other program
	OwnProgramName            // its name starts with a program of this repository (HELM_PPROF, tool.uv.x)
	OwnBlock                  // its block is a list of the code's names: most of the others are, three at least
	AgainstSiblings           // most other names of its block are unknown to the code too
	AgainstPage               // its page is about another program (an integration guide)
	AgainstNoFacts            // the code reads not one name of the kind the docs give: code kept elsewhere, or not readable
	AgainstDocNoReads         // the code reads not one of the many names of the kind its doc gives: a page of code kept elsewhere
)

var ownKindNames = [...]string{
	OwnUnknown: "unknown", OwnPrefix: "prefix", OwnCommand: "command", OwnNearName: "near-name", OwnParent: "parent",
	OwnSiblings: "siblings", OwnNamed: "named", OwnSafetyStated: "safety-stated", OwnProgramName: "program-name", OwnBlock: "block", AgainstSiblings: "unknown-siblings", AgainstPage: "other-program-page", AgainstNoFacts: "no-facts", AgainstDocNoReads: "doc-no-reads",
}

func (k OwnKind) String() string {
	if int(k) < len(ownKindNames) {
		return ownKindNames[k]
	}
	return fmt.Sprintf("OwnKind(%d)", k)
}

func (k OwnKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Ownership is one piece of evidence of whose name a claim is.
type Ownership struct {
	Kind OwnKind `json:"kind"`
	// Detail says what was seen, for messages: "the prefix MYAPP_ of 41
	// variables the code reads".
	Detail string `json:"detail"`
}

// siblingKey is what claims share when they sit together: their doc,
// kind and block, section or the whole doc (n is the ordinal of the block
// or section, 0 for the doc).
type siblingKey struct {
	file  string
	kind  Kind
	level siblingLevel
	n     int
}

// siblingLevel is how far apart siblings may sit, nearest first.
type siblingLevel uint8

const (
	inBlock siblingLevel = iota
	inSection
	inDoc
	inRepo // every doc: only for the no-facts rule
)

var siblingLevelNames = [...]string{inBlock: "block", inSection: "section", inDoc: "doc", inRepo: "repository"}

// siblingKeys are a claim's groups, nearest first.
func siblingKeys(c Claim) [3]siblingKey {
	return [3]siblingKey{{c.Pos.File, c.Kind, inBlock, c.Block}, {c.Pos.File, c.Kind, inSection, c.Section}, {c.Pos.File, c.Kind, inDoc, 0}}
}

// tally counts the distinct names of one block or section by what the
// code says of them.
type tally struct {
	found, unfound map[string]bool
	read           int // found claims backed by the code's reads, not only its text
}

func (t *tally) add(r Result) {
	if t.found == nil {
		t.found, t.unfound = map[string]bool{}, map[string]bool{}
	}
	switch r.Status {
	case Verified, Unwired, Dynamic:
		t.found[r.Claim.Name] = true
		if r.Status != Unwired {
			t.read++
		}
	case Missing:
		t.unfound[r.Claim.Name] = true
	}
}

// without counts the tally's names other than name.
func (t tally) without(name string) (found, unfound int) {
	found, unfound = len(t.found), len(t.unfound)
	if t.found[name] {
		found--
	}
	if t.unfound[name] {
		unfound--
	}
	return found, unfound
}

// own weighs the evidence of ownership of every missing claim.
func (ix *Index) own(results []Result) {
	groups := map[siblingKey]*tally{}
	group := func(k siblingKey) *tally {
		t := groups[k]
		if t == nil {
			t = &tally{}
			groups[k] = t
		}
		return t
	}
	for _, r := range results { // misspelling candidates are judged apart, by Check
		c := r.Claim
		for _, k := range siblingKeys(c) {
			group(k).add(r)
		}
		group(siblingKey{kind: c.Kind, level: inRepo}).add(r)
	}
	for i := range results {
		r := &results[i]
		if r.Status != Missing {
			continue
		}
		r.Ownership = ix.ownership(*r, groups)
	}
}

// ownership lists the evidence for and against a missing claim, in the
// order of ownRules.
func (ix *Index) ownership(r Result, groups map[siblingKey]*tally) []Ownership {
	var out []Ownership
	// on a page about another program (an integration guide), a name's
	// company and sentence say whose it is no more: the guide's snippets
	// mix that program's keys with this one's, and its safety words are
	// that program's; only the name's own evidence counts
	other := r.Claim.PageSubject != "" && !ix.ownsCommand(r.Claim.PageSubject)
	if other {
		out = append(out, Ownership{Kind: AgainstPage, Detail: "its page is about " + r.Claim.PageSubject + ", another program"})
	}
	for _, rule := range ownRules {
		if other && contextual[rule.kind] {
			continue
		}
		if detail := rule.test(ix, r, groups); detail != "" {
			out = append(out, Ownership{Kind: rule.kind, Detail: detail})
		}
	}
	return out
}

// Owned reports whether the evidence makes a missing claim this
// repository's. A near name, the repository's own prefix, command or
// config section, a sentence naming its program, or one presenting the
// name as a safety mechanism of the docs' own ("to disable the cache,
// set X") is enough: a typo in an otherwise unknown table is still a
// typo, and a documented kill switch nothing reads is what docverify
// exists to find. The first five hold whatever else is seen; siblings the
// code has and a safety sentence hold unless most of the block is
// unknown to the code (a sibling project's settings table). A plain
// instruction ("set X to 1") is no evidence: on first runs in unseen
// repositories, not one such name alone was the repository's. Where not
// one of the many names of a kind the docs name is in the code (a
// repository that ships a program built elsewhere), only a near name in
// its text still counts; one flag promised for a program that parses
// none is still that program's. A doc of many names of a kind, not one
// of which the code reads, is the page of a program kept elsewhere (a
// CLI's reference in its web site's repository): nothing else makes its
// names this repository's.
func Owned(ev []Ownership) bool {
	strong, weak, against, blind := false, false, false, false
	for _, e := range ev {
		switch e.Kind {
		case OwnPrefix, OwnCommand, OwnNearName, OwnParent, OwnNamed, OwnProgramName, OwnBlock:
			strong = true
		case OwnSiblings, OwnSafetyStated:
			weak = true
		case AgainstSiblings:
			against = true
		case AgainstNoFacts:
			blind = true
		case AgainstDocNoReads:
			return false
		}
	}
	if blind {
		return hasOwnership(ev, OwnNearName)
	}
	return strong || weak && !against
}

// contextual are the kinds of evidence that come from a name's company
// and sentence rather than from the name itself.
var contextual = map[OwnKind]bool{OwnSiblings: true, OwnBlock: true, OwnSafetyStated: true, OwnNamed: true}

// ownRules are the kinds of evidence and how each is found.
var ownRules = []struct {
	kind OwnKind
	test func(ix *Index, r Result, groups map[siblingKey]*tally) string
}{
	{OwnPrefix, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		c := r.Claim
		if c.Kind != Env && c.Kind != Feature {
			return ""
		}
		for _, p := range ix.ownPrefixes(c) {
			if strings.HasPrefix(c.Name, p) && len(c.Name) > len(p) {
				return "it starts with " + p + " like the variables the code reads"
			}
		}
		return ""
	}},
	{OwnCommand, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		if p := r.Claim.Plugin; p != "" && ix.ownsCommand(p) {
			return "it is passed to " + p + ", a program of this repository, as a subcommand of " + r.Claim.Command
		}
		if cmd := r.Claim.Command; cmd != "" && ix.ownsCommand(cmd) {
			if cmd == OwnProgram {
				return "it is passed to this repository's program"
			}
			return "it is passed to " + cmd + ", a program of this repository"
		}
		return ""
	}},
	{OwnNearName, func(_ *Index, r Result, _ map[siblingKey]*tally) string {
		if n := r.Nearest; n != nil && closeName(r.Claim.Name, n.Name) {
			return "it is one edit from " + DisplayName(r.Claim.Kind, n.Name)
		}
		return ""
	}},
	{OwnParent, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		if r.Claim.Kind != Config {
			return ""
		}
		if parent, ok := ix.parentKnown(r.Claim.Name); ok {
			return "it is under " + parent + ", a section of the code's config"
		}
		return ""
	}},
	{OwnBlock, func(_ *Index, r Result, groups map[siblingKey]*tally) string {
		if found, ok := blockOfCode(r.Claim, groups); ok {
			return fmt.Sprintf("%d other names of its block are read by the code", found)
		}
		return ""
	}},
	{OwnSiblings, func(_ *Index, r Result, groups map[siblingKey]*tally) string {
		c := r.Claim
		if _, ok := blockOfCode(c, groups); ok {
			return "" // said more strongly by OwnBlock
		}
		for _, k := range siblingKeys(c) {
			t := groups[k]
			if t == nil {
				continue
			}
			found, unfound := t.without(c.Name)
			if k.level == inDoc && found < 2 && contributorDoc(c.Pos.File) {
				// a guide to building the project names the build's tools
				// as much as the program: one of the program's names
				// elsewhere in it says little of whose this one is
				// (DEVELOPMENT.md's Gradle --info beside one real flag)
				return ""
			}
			if found > 0 && found >= 2*unfound { // the unknown ones are a small part of it
				return fmt.Sprintf("%d other %s of its %s %s the code's", found, plural(found, "name", "names"), siblingLevelNames[k.level], plural(found, "is", "are"))
			}
			if found+unfound > 0 {
				return "" // the nearest group with other names decides
			}
		}
		return ""
	}},
	{OwnNamed, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		c := r.Claim
		// a config snippet's line naming the program in its value
		// (diff-formatter = ["difft", …]) is another tool's config
		// calling the program, not the program's own
		if c.Owner != "" || c.Context == "" || c.Source == ConfigBlock {
			return ""
		}
		low := strings.ToLower(withoutSpanOf(c.Context, c.Text))
		for _, p := range known.DistinctiveProgramsIn(c.Context) {
			if !ix.ownsCommand(p) {
				return "" // another program in the sentence: whose it is, is open
			}
		}
		if name := ix.ownProgramIn(low); name != "" {
			return "its sentence speaks of " + name + ", a program of this repository"
		}
		return ""
	}},
	{OwnSafetyStated, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		c := r.Claim
		if !c.Explicit || c.Safety == "" || c.SafetyFromName || c.Owner != "" || ix.otherProgramNamed(c) != "" {
			return ""
		}
		for _, p := range known.DistinctiveProgramsIn(c.Context) {
			if !ix.ownsCommand(p) {
				return ""
			}
		}
		return fmt.Sprintf("its sentence presents it as a safety mechanism (%q) and names no other program", c.Safety)
	}},
	{OwnProgramName, func(ix *Index, r Result, _ map[siblingKey]*tally) string {
		c := r.Claim
		if c.Kind == Config && ix.namesOwnProgram(c) {
			return "its key is under the name of a program of this repository"
		}
		if c.Kind != Env && c.Kind != Feature {
			return ""
		}
		// a program's own prefix counts once the code reads one variable
		// with it (HELM_PPROF beside HELM_DEBUG), even where most of the
		// variables it reads are others'
		for _, p := range ix.programPrefixes() {
			if strings.HasPrefix(c.Name, p) && len(c.Name) > len(p) {
				return "it starts with " + p + " like the variables of " + strings.ToLower(strings.TrimSuffix(p, "_")) + ", a program of this repository"
			}
		}
		return ""
	}},
	{AgainstNoFacts, func(ix *Index, r Result, groups map[siblingKey]*tally) string {
		// one flag promised for a program that parses none is drift; a
		// whole surface of them is the docs of code kept elsewhere
		t := groups[siblingKey{kind: r.Claim.Kind, level: inRepo}]
		if t == nil || t.read > 0 || len(t.unfound) < minSurface {
			return ""
		}
		return fmt.Sprintf("the code reads none of the %s names the docs give, %d of them missing: they describe code kept elsewhere, or code docverify cannot read", r.Claim.Kind.Noun(), len(t.unfound))
	}},
	{AgainstDocNoReads, func(_ *Index, r Result, groups map[siblingKey]*tally) string {
		// the reference page of a program kept in another repository (a
		// CLI, an SDK): many names, not one of them read here, whatever
		// words of them the code's text has. A misspelling of a name the
		// code reads still stands.
		t := groups[siblingKeys(r.Claim)[inDoc]]
		if t == nil || t.read > 0 || len(t.unfound) < minSurface {
			return ""
		}
		if all := groups[siblingKey{kind: r.Claim.Kind, level: inRepo}]; all.read == 0 {
			return "" // said of every doc by AgainstNoFacts
		}
		if n := r.Nearest; n != nil && n.Strength == Read && closeName(r.Claim.Name, n.Name) {
			return ""
		}
		return fmt.Sprintf("the code reads none of the %d %s names its doc gives, %d of them missing: the page of code kept elsewhere, or of code docverify cannot read", len(t.found)+len(t.unfound), r.Claim.Kind.Noun(), len(t.unfound))
	}},
	{AgainstSiblings, func(_ *Index, r Result, groups map[siblingKey]*tally) string {
		c := r.Claim
		t := groups[siblingKeys(c)[inBlock]]
		if t == nil {
			return ""
		}
		found, unfound := t.without(c.Name)
		if unfound >= 2 && unfound > found {
			return fmt.Sprintf("%d other names of its block are unknown to the code too", unfound)
		}
		return ""
	}},
}

// minBlockOfCode is how many other names of a block the code must have,
// and how many times the block's unknown ones, before the block is taken
// for a list of the code's names: a table of a program's variables with
// one entry nothing reads, a help dump with one option gone.
const minBlockOfCode = 3

// blockOfCode reports whether a claim's block is a list of the code's
// names, and how many of its other names the code has. One verified
// neighbour says little (an export of the program's variable beside the
// reader's own TOKEN); three the code reads, with few unknown, make the
// block a list of the program's settings, whatever prefix the missing one has.
func blockOfCode(c Claim, groups map[siblingKey]*tally) (int, bool) {
	t := groups[siblingKeys(c)[inBlock]]
	if t == nil {
		return 0, false
	}
	// only names the code reads count: a list of TLS cipher suites the
	// code's vendored libraries mention is no list of the program's settings
	_, unfound := t.without(c.Name)
	return t.read, t.read >= minBlockOfCode && t.read >= minBlockOfCode*unfound
}

// contributorWords name the docs and folders of a guide to working on
// the project rather than using it.
var contributorWords = map[string]bool{"contributing": true, "development": true, "developing": true, "hacking": true,
	"building": true, "releasing": true, "maintainers": true, "maintaining": true, "devdocs": true, "dev-docs": true, "contributors": true}

// contributorDoc reports a doc of such a guide: CONTRIBUTING.md,
// DEVELOPMENT.md, docs/devdocs/building/….
func contributorDoc(p string) bool {
	for _, seg := range strings.Split(strings.ToLower(p), "/") {
		if contributorWords[strings.TrimSuffix(seg, path.Ext(seg))] {
			return true
		}
	}
	return false
}

func hasOwnership(ev []Ownership, k OwnKind) bool {
	for _, e := range ev {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// ownProgramIn is the first, by name, of the repository's programs that
// a lower-cased sentence names as a word; "" if none. Names of three
// letters or fewer are too often words.
func (ix *Index) ownProgramIn(low string) string {
	var names []string
	for name := range ix.programs {
		if len(name) > 3 && known.ProgramNamedIn(low, strings.ToLower(name)) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// minSurface is how many missing names of a kind the docs must name,
// none of them found, before they are taken for the docs of code kept
// elsewhere.
const minSurface = 5

// closeName reports whether a documented name is one slip from a real
// one: a typo, one word more or less (ENABLE_DYNAMIC_CONTENT_PRIORITIZATION
// for ENABLE_CONTENT_PRIORITIZATION), or its words in another order
// (SECRET_SESSION for SESSION_SECRET, LIB_PQ_DIR for PQ_LIB_DIR).
func closeName(claimed, real string) bool {
	a, b := strings.ToLower(claimed), strings.ToLower(real)
	n := max(len(a), len(b))
	if d := levenshtein.ComputeDistance(a, b); d <= max(1, n/6) {
		return true
	}
	// a word more or less, or the words reordered, is a slip only within
	// one spelling style: PENPOT_LDAP_HOST beside the code's key
	// ldap_host is another program's variable for the same setting
	if upperStyle(claimed) != upperStyle(real) {
		return false
	}
	wa, wb := words(claimed), words(real)
	return oneWordShort(wa, wb) || oneWordShort(wb, wa) || reordered(wa, wb)
}

// upperStyle reports a name written in capitals (an env name's style),
// not counting its digits and separators.
func upperStyle(name string) bool {
	return strings.ToUpper(name) == name && strings.ToLower(name) != name
}

// telling is the evidence worth a clause in a short message: the prefix,
// the command or the siblings. A near name shows in "did you mean", and an
// instruction is what every finding is.
func telling(ev []Ownership) (Ownership, bool) {
	for _, e := range ev {
		switch e.Kind {
		case OwnPrefix, OwnCommand, OwnParent, OwnBlock, OwnSiblings, OwnProgramName:
			return e, true
		}
	}
	return Ownership{}, false
}

// ownershipSummary is the evidence in words, for a finding's message.
func ownershipSummary(ev []Ownership) string {
	var parts []string
	for _, e := range ev {
		parts = append(parts, e.Detail)
	}
	return strings.Join(parts, "; ")
}
