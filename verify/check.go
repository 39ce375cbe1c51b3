package verify

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/docverify/docverify/verify/known"
)

// NearPrefix marks a mention query for the tokens one typo from a name,
// rather than the name itself; their mentions come back under the same
// key.
const NearPrefix = "~"

// PassPrefix marks a mention query for an env prefix the code selects
// variables by (envPrefix = 'VITE_'): every variable that starts with it
// is read, whatever the rest of its name.
const PassPrefix = "^"

// MentionQuery is a name to search for as text in the repository, for the
// claims that no read site backs.
type MentionQuery struct {
	Kind Kind
	Name string
}

// Pending lists the names whose verdict depends on text mentions: claims
// that are not verified, external or ignored by the index alone. The
// caller searches the repository for them and hands the result to
// Index.AddMentions before calling Check.
func Pending(claims []Claim, ix *Index) []MentionQuery {
	claims = ix.attribute(claims)
	seen := map[MentionQuery]bool{}
	var out []MentionQuery
	for _, c := range claims {
		if st, _, _ := ix.decide(c); st != StatusUnknown {
			continue
		}
		qs := []MentionQuery{{Kind: c.Kind, Name: c.Name}}
		// a name one typo from a word of the code is the code's name
		// misspelt, even when docverify cannot read how the code defines it
		if c.Misspelling || len(c.Name) >= minNearMention {
			qs = append(qs, MentionQuery{Kind: c.Kind, Name: NearPrefix + c.Name})
		}
		if c.Kind == Env {
			for _, p := range envPrefixesOf(c.Name) {
				qs = append(qs, MentionQuery{Kind: Env, Name: PassPrefix + p})
			}
		}
		if seg, _ := passedOnSegment(c); seg != "" {
			qs = append(qs, MentionQuery{Kind: Config, Name: seg})
		}
		if c.Kind == Env {
			// the suffix, and the names a base one word shorter is built from
			if i := strings.LastIndexByte(c.Name, '_'); i > 0 && i < len(c.Name)-1 && strings.Contains(c.Name[:i], "_") {
				d, built := ix.nameBuilder(Env, c.Name[:i])
				if built || len(ix.lookup(Env, c.Name[:i])) > 0 {
					qs = append(qs, MentionQuery{Kind: Config, Name: strings.ToLower(c.Name[i+1:])})
				}
				if built {
					qs = append(qs, sourceQueries(dashedForm(Env, c.Name[:i], d), "")...)
				}
			}
		}
		if section, rest, ok := userSection(c); ok {
			qs = append(qs, MentionQuery{Kind: Config, Name: section}, MentionQuery{Kind: Config, Name: rest})
		}
		if _, ok := ix.leafOfUnknownSection(c); ok {
			qs = append(qs, MentionQuery{Kind: Config, Name: sectionSegment(c.Name)})
		}
		if d, ok := ix.nameBuilder(c.Kind, c.Name); ok {
			own := ""
			if c.Kind == Flag {
				own = c.Name // asked for already, as a flag (whose bare word must be written as one)
			}
			qs = append(qs, sourceQueries(dashedForm(c.Kind, c.Name, d), own)...)
		}
		for _, q := range qs {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// sourceQueries ask for the names of the code a built name can come from
// (sourceForms) and the prefixes a builder would have added, except skip.
func sourceQueries(dashed, skip string) []MentionQuery {
	var qs []MentionQuery
	for _, f := range sourceForms(dashed) {
		if f.name != skip {
			qs = append(qs, MentionQuery{Kind: Config, Name: f.name})
		}
		if f.prefix != "" {
			qs = append(qs, MentionQuery{Kind: Config, Name: f.prefix})
		}
	}
	return qs
}

// Check decides every claim.
func Check(claims []Claim, ix *Index) []Result {
	claims = ix.attribute(claims)
	out := make([]Result, 0, len(claims))
	var maybe []Result
	for _, c := range claims {
		r := ix.judge(c)
		if c.Misspelling {
			maybe = append(maybe, r)
			continue
		}
		out = append(out, r)
	}
	ix.builtNearMisses(out)
	nearDocumented(out)
	ix.own(out)
	return append(out, ix.misspellings(maybe, out)...)
}

// untypedVia ends the Via of a field of no fixed structure.
const untypedVia = " of no fixed structure"

// slipOfSetting reports a name the docs do not say is a setting that is
// one slip from a setting of the code: a name it reads, or one the docs
// give too (SECRET_SESSION in prose, SESSION_SECRET in the .env block).
// A word the code only mentions says less: the `NEW_LEADER` proposal
// beside the code's "NEWLEADER" message is the message, written otherwise.
func slipOfSetting(r Result) bool {
	n := r.Nearest
	return hasOwnership(r.Ownership, OwnNearName) && n != nil && (n.Strength == Read || r.NearDocumented) &&
		!sameSpelledOtherwise(r.Claim.Name, n.Name)
}

// nearDocumented gives a missing name with no near name in the code the
// verified name of its own doc it is one slip from: "replace these with
// your own values (especially `SECRET_SESSION`)" under a .env block
// setting SESSION_SECRET, which the code reads through its config file.
// The code's reads are searched by nearest; this finds the names the
// code only mentions, which were searched for because the doc named them.
func nearDocumented(results []Result) {
	verified := map[string][]int{} // doc → its results the code has
	for i, r := range results {
		if (r.Status == Verified || r.Status == Unwired) && len(r.Evidence) > 0 {
			verified[r.Claim.Pos.File] = append(verified[r.Claim.Pos.File], i)
		}
	}
	for i := range results {
		r := &results[i]
		if r.Status != Missing || r.Nearest != nil && r.Nearest.Strength == Read && closeName(r.Claim.Name, r.Nearest.Name) {
			continue // a near name the code reads says more than the doc's
		}
		for _, j := range verified[r.Claim.Pos.File] {
			// a typo or the same words reordered: a word more or less
			// (FLUENT_LOKI_URL beside LOKI_URL) is as often another
			// program's name built on this one's
			v := results[j]
			if v.Claim.Kind != r.Claim.Kind || v.Claim.Name == r.Claim.Name || sameSpelledOtherwise(v.Claim.Name, r.Claim.Name) ||
				!OneTypo(strings.ToLower(r.Claim.Name), strings.ToLower(v.Claim.Name)) && !reordered(words(r.Claim.Name), words(v.Claim.Name)) {
				continue
			}
			e := v.Evidence[0]
			e.Name = v.Claim.Name
			r.Nearest, r.NearDocumented = &e, true
			break
		}
	}
}

// minNearMention is the shortest name whose one-typo neighbours in the
// code's text are looked for: shorter words have too many.
const minNearMention = 6

// minMisspelled is the shortest bare identifier judged as a misspelling:
// short words are one letter from too many others.
const minMisspelled = 8

// misspellings keeps the bare identifiers that appear nowhere in the code
// and are one typo from the last segment of a name that other claims
// name and the code has (assetInlineLimit for build.assetsInlineLimit,
// foreginKeySuffix for foreignKeySuffix). The rest were never claims.
func (ix *Index) misspellings(maybe, judged []Result) []Result {
	if len(maybe) == 0 {
		return nil
	}
	type real struct {
		kind Kind
		name string
		ev   Evidence
	}
	documented := map[string]real{}
	for _, r := range judged {
		if (r.Status != Verified && r.Status != Unwired) || len(r.Evidence) == 0 {
			continue
		}
		leaf := r.Claim.Name[strings.LastIndexByte(r.Claim.Name, '.')+1:]
		if _, ok := documented[leaf]; !ok && len(leaf) >= minMisspelled {
			documented[leaf] = real{r.Claim.Kind, leaf, r.Evidence[0]}
		}
	}
	lists := termLists(maybe)
	var out []Result
	for _, r := range maybe {
		if r.Status != Missing {
			continue
		}
		if t := lists[termKey{r.Claim.Pos.File, r.Claim.Block}]; r.Claim.Term && t.listOfKeys() {
			// checkThrowsDocblock among a list of psalm's attributes: the
			// list defines the code's keys, and this term is one it lost
			r.Claim.Misspelling, r.Claim.Explicit = false, true
			r.Ownership = append(r.Ownership, Ownership{Kind: OwnSiblings, Detail: fmt.Sprintf("%d other keys its list defines are the code's", t.found)})
			r.Nearest = ix.nearest(r.Claim)
			if r.Nearest == nil || !closeName(r.Claim.Name, r.Nearest.Name) {
				r.Nearest = ix.nearMention(r.Claim)
			}
			out = append(out, r)
			continue
		}
		if len(r.Claim.Name) < minMisspelled {
			continue
		}
		var best *real
		for _, k := range documented {
			if OneTypo(r.Claim.Name, k.name) && (best == nil || k.name < best.name) {
				best = &k
			}
		}
		if best == nil {
			// a near spelling in the code: the name the docs meant
			if e := ix.nearMention(r.Claim); e != nil {
				best = &real{r.Claim.Kind, e.Name, *e}
			}
		}
		if best == nil && strings.Contains(r.Claim.Name, ".") && r.Claim.Name[0] >= 'A' && r.Claim.Name[0] <= 'Z' {
			// Authenticator.managed_groups beside the code's
			// Authenticator.manage_groups: a dotted name is rare enough
			// in prose to compare with every key the code has
			if e := ix.nearest(r.Claim); e != nil && OneTypo(strings.ToLower(r.Claim.Name), strings.ToLower(e.Name)) {
				best = &real{r.Claim.Kind, e.Name, *e}
			}
		}
		if best == nil && len(r.Claim.Name) >= minMisspelled {
			// core.exludesFile, one slip from git's core.excludesFile: a
			// well-known name of another program, misspelt
			if name, owner, ok := known.NearKey(r.Claim.Name, OneTypo); ok {
				kind := Config
				if !strings.Contains(name, ".") {
					kind = Env
				}
				best = &real{kind, name, Evidence{Name: name, Via: "a name of " + owner, Strength: Mention}}
			}
		}
		if best == nil || best.kind == Flag && sameSpelledOtherwise(r.Claim.Name, best.name) {
			// data_file beside --data-file is one setting in a key's
			// spelling and a flag's, not a typo of it; ddev_router for
			// the container ddev-router is a typo still
			continue
		}
		r.Claim.Kind, r.Claim.Explicit = best.kind, true
		ev := best.ev
		ev.Name = best.name
		r.Nearest = &ev
		r.Reason = "appears nowhere in the code, and is one typo from " + best.name
		out = append(out, r)
	}
	return out
}

// termKey is a list of a doc: the ordinal of the block that holds it.
type termKey struct {
	file  string
	block int
}

// termTally counts the bare identifiers that open the items of one list
// by what the code says of them.
type termTally struct{ found, missing int }

// minTermSiblings is how many terms of a list the code must read before
// a term it does not have is taken for one of the code's keys; a list
// of keys is also one whose missing terms are few beside the found.
const minTermSiblings = 4

func (t termTally) listOfKeys() bool {
	return t.found >= minTermSiblings && t.found >= 3*t.missing
}

// termLists tallies the terms of each list among the bare identifiers.
// Only names the code reads count as found: a word merely mentioned in
// the code's text says nothing of what the list holds.
func termLists(maybe []Result) map[termKey]termTally {
	out := map[termKey]termTally{}
	seen := map[string]bool{}
	for _, r := range maybe {
		c := r.Claim
		if !c.Term || seen[c.Pos.File+"\x00"+c.Name] {
			continue
		}
		seen[c.Pos.File+"\x00"+c.Name] = true
		k := termKey{c.Pos.File, c.Block}
		t := out[k]
		switch r.Status {
		case Verified, Dynamic:
			t.found++
		case Missing:
			t.missing++
		}
		out[k] = t
	}
	return out
}

// sameSpelledOtherwise reports two names that differ only in their
// separators (-, _ and .). A difference of case is a typo still:
// apptypeSettingsPaths for appTypeSettingsPaths.
func sameSpelledOtherwise(a, b string) bool {
	drop := strings.NewReplacer("-", "", "_", "", ".", "")
	return a != b && drop.Replace(a) == drop.Replace(b)
}

// attribute gives a flag written without a command ("add `--unsafe-perm`
// to the arguments") the program it is used with elsewhere in the same
// doc, when every command line there that passes it runs one program that
// is not this repository's, or else the one program another code span of
// its line runs. It returns a copy; claims are not changed.
func (ix *Index) attribute(claims []Claim) []Claim {
	type key struct{ file, name string }
	users := map[key]map[string]bool{}
	for _, c := range claims {
		if c.Kind == Flag && c.Command != "" {
			k := key{c.Pos.File, c.Name}
			if users[k] == nil {
				users[k] = map[string]bool{}
			}
			users[k][c.Command] = true
		}
	}

	// the programs run on each line: "`emulator -avd x` (add `-show-kernel`
	// for kernel logs)" gives the bare flag to the emulator
	type lineKey struct {
		file string
		line int
	}
	lines := map[lineKey]map[string]bool{}
	for _, c := range claims {
		if c.Kind == Flag && c.Command != "" && c.Source == InlineCode {
			k := lineKey{c.Pos.File, c.Pos.Line}
			if lines[k] == nil {
				lines[k] = map[string]bool{}
			}
			lines[k][c.Command] = true
		}
	}
	out := append([]Claim(nil), claims...)
	for i, c := range out {
		// "run guard with X set to 1" names the program Guard, not a
		// guard: a safety word that is the name of one of the repository's
		// programs says nothing about the claim
		if c.Safety != "" {
			out[i].Safety, out[i].SafetyStated, out[i].SafetyFromName = ix.safetyNotProgram(c)
		}
		if c.Kind != Flag || c.Command != "" || c.Owner != "" {
			continue
		}
		cmds := users[key{c.Pos.File, c.Name}]
		if len(cmds) == 0 {
			cmds = lines[lineKey{c.Pos.File, c.Pos.Line}]
		}
		if len(cmds) != 1 {
			continue
		}
		for cmd := range cmds {
			if !ix.ownsCommand(cmd) {
				out[i].Owner = cmd
			}
		}
	}
	return out
}

// envByItsOwnWords reports an env name the docs do not call one that is
// still plainly this repository's variable: it carries the repository's
// prefix (or a program's) and either is one edit from a variable the
// code reads or sits among the code's variables. WOODPECKER_LOG_STORE_FILE_BASE
// beside WOODPECKER_LOG_STORE_FILE_PATH needs no "environment variable"
// before it; a stray upper-case word with no such company still does.
func (ix *Index) envByItsOwnWords(c Claim, ev []Ownership) bool {
	if c.Kind != Env || c.Explicit {
		return false
	}
	prefixed := hasOwnership(ev, OwnPrefix) || hasOwnership(ev, OwnProgramName)
	return prefixed && (hasOwnership(ev, OwnNearName) || hasOwnership(ev, OwnSiblings))
}

// safetyNotProgram drops a safety cue that is the name of one of the
// repository's programs ("run guard with X set", GUARD_KILL_SWITCH's
// first word): it names the program, not a guard. The name's cue falls
// back on the sentence's and the other way round.
func (ix *Index) safetyNotProgram(c Claim) (safety, stated string, fromName bool) {
	isProgram := func(cue string) bool {
		_, ok := ix.programs[strings.ToLower(cue)]
		return ok
	}
	safety, stated = c.Safety, c.SafetyStated
	if !isProgram(safety) && !isProgram(stated) {
		return safety, stated, c.SafetyFromName
	}
	if isProgram(stated) {
		stated = ""
	}
	if isProgram(safety) {
		safety = stated
	}
	if safety == "" {
		return "", "", false
	}
	return safety, stated, stated == ""
}

// prefixWellKnown reports whether the code reads at least three specific
// names with a dynamic read's prefix ("TASK_*"): then the names it reads
// are known, and the run-time read (a loop over the environment that
// filters by prefix, perhaps to leave those names out) does not excuse an
// unknown one. A framework that loads its users' VITE_* names has few of
// its own.
func (ix *Index) prefixWellKnown(pattern string) bool {
	prefix, _, _ := strings.Cut(pattern, "*")
	if prefix == "" {
		return false
	}
	n := 0
	for k := range ix.reads {
		if k.kind == Env && strings.HasPrefix(k.name, prefix) {
			n++
		}
	}
	return n >= 3
}

// envPrefixes are the first words that the env vars the code reads share:
// each covers at least a fifth of the reads and three names (GUM for gum).
// ownPrefixes are the env prefixes that make a name the repository's:
// those most of its variables share and, for a name whose safety word is
// only its own (DISABLE_AUTO_TITLE beside TMUXINATOR_CONFIG), the prefix of
// a program of the repository even when read once.
func (ix *Index) ownPrefixes(c Claim) []string {
	ps := ix.envPrefixes()
	if c.SafetyFromName {
		for _, p := range ix.programPrefixes() {
			if !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// programPrefixes are the env prefixes named after a program of the
// repository that the code reads at least one variable with, or its
// tests do (shoutrrr's tests read SHOUTRRR_SLACK_URL): a read in a test
// proves no variable, but says how the project names its own.
func (ix *Index) programPrefixes() []string {
	if ix.programPrefixMemo == nil {
		out := ix.findProgramPrefixes()
		ix.programPrefixMemo = &out
	}
	return *ix.programPrefixMemo
}

// findProgramPrefixes works out programPrefixes.
func (ix *Index) findProgramPrefixes() []string {
	var out []string
	add := func(k nameKey) {
		if i := strings.IndexByte(k.name, '_'); k.kind == Env && i > 0 && ix.ownsCommand(strings.ToLower(k.name[:i])) && !slices.Contains(out, k.name[:i+1]) {
			out = append(out, k.name[:i+1])
		}
	}
	for k := range ix.reads {
		add(k)
	}
	for k, evs := range ix.weak {
		if slices.ContainsFunc(evs, func(e Evidence) bool { return strings.HasSuffix(e.Via, inATest) }) {
			add(k)
		}
	}
	sort.Strings(out)
	return out
}

// onlyInWrappers reports read sites all in build tools' wrapper scripts
// (mvnw, gradlew).
func onlyInWrappers(evs []Evidence) bool {
	for _, e := range evs {
		if !known.Wrapper(ProgramName(e.Pos.File)) {
			return false
		}
	}
	return len(evs) > 0
}

func (ix *Index) envPrefixes() []string {
	if ix.envPrefixMemo == nil {
		out := ix.findEnvPrefixes()
		ix.envPrefixMemo = &out
	}
	return *ix.envPrefixMemo
}

// findEnvPrefixes works out envPrefixes: the prefixes of at least three
// env names the code reads, and a fifth of them.
func (ix *Index) findEnvPrefixes() []string {
	count := map[string]int{}
	total := 0
	for k, evs := range ix.reads {
		if k.kind != Env || onlyInWrappers(evs) {
			// a build tool's wrapper script (mvnw's MVNW_REPOURL) is
			// committed, not written: its variables say nothing of the
			// program's own prefix
			continue
		}
		total++
		if i := strings.IndexByte(k.name, '_'); i > 0 {
			count[k.name[:i+1]]++
		}
	}
	var out []string
	for p, n := range count {
		if n >= 3 && n*5 >= total {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// minDependencyPrefix is the shortest dependency name taken for an env
// prefix: shorter ones (log, env, os) are words too many names start with.
const minDependencyPrefix = 4

// dependencyPrefix finds the declared dependency an env name's first
// word names (LISTEN_GEM_DEBUGGING where the gemspec declares listen):
// the library's own variable, read out of docverify's sight, unless the
// word is also a program or the prefix of the repository.
func (ix *Index) dependencyPrefix(name string) (Evidence, bool) {
	word, _, ok := strings.Cut(name, "_")
	if !ok || len(word) < minDependencyPrefix {
		return Evidence{}, false
	}
	dep, isDep := ix.deps[known.NormalizeDependency(strings.ToLower(word))]
	if !isDep || ix.ownsCommand(strings.ToLower(word)) || slices.Contains(ix.envPrefixes(), word+"_") {
		return Evidence{}, false
	}
	return dep, true
}

// libraryParts are the words after a program's name that make a
// dependency the project's own library: rustic_core for rustic, foo-lib.
var libraryParts = map[string]bool{"core": true, "lib": true, "common": true, "shared": true, "config": true, "sdk": true, "api": true, "internal": true}

// ownLibraryReads finds the project's own library that may read an env
// name: a declared dependency named after the program the name's prefix
// is (RUSTIC_REPOSITORY, with rustic_core declared beside the rustic
// program) that the code does not hold. Projects that split their settings
// into a core crate or package keep them there, out of docverify's sight,
// so an unread name with the prefix cannot be called missing; one a typo
// from a name the code reads still can.
func (ix *Index) ownLibraryReads(c Claim) (Evidence, bool) {
	if c.Kind != Env {
		return Evidence{}, false
	}
	i := strings.IndexByte(c.Name, '_')
	if i <= 0 {
		return Evidence{}, false
	}
	word := strings.ToLower(c.Name[:i])
	var found []Evidence
	for norm, dep := range ix.deps {
		rest, ok := strings.CutPrefix(norm, word+"-")
		if ok && libraryParts[rest] || norm == "lib"+word {
			found = append(found, dep)
		}
	}
	// the declared dependencies are few; the prefixes and near names
	// walk every read, so they are asked only when a library fits
	if len(found) == 0 || !ix.ownsCommand(word) && !slices.Contains(ix.envPrefixes(), c.Name[:i+1]) || ix.nearest(c) != nil {
		return Evidence{}, false
	}
	sortEvidence(found)
	return found[0], true
}

// otherProgramsPrefix finds the program an env name's first word names
// when that program is another's (FZF_DEFAULT_OPTS, GH_ENTERPRISE_TOKEN,
// LESS_TERMCAP_md) and the code does not read that prefix as its own.
func (ix *Index) otherProgramsPrefix(name string) (prog, what string) {
	i := strings.IndexByte(name, '_')
	if i <= 0 {
		return "", ""
	}
	word := strings.ToLower(name[:i])
	what, ok := known.Program(word)
	if !ok || ix.ownsCommand(word) {
		return "", ""
	}
	// reading a few of its variables (GH_PATH) does not make the prefix
	// the code's own; reading as many as an own prefix takes does
	n := 0
	for k := range ix.reads {
		if k.kind == Env && strings.HasPrefix(k.name, name[:i+1]) {
			n++
		}
	}
	if n >= 3 {
		return "", ""
	}
	return word, what
}

// namesOwnProgram reports whether a name carries the name of one of this
// repository's programs as its first word (HELM_PPROF in helm, UV_SYSTEM
// in uv) or, for a config key, as a segment (tool.uv.cache-key): the
// project's own prefix outweighs a list that files the prefix under a
// toolchain, or a sentence that also mentions another tool.
func (ix *Index) namesOwnProgram(c Claim) bool {
	if (c.Kind == Env || c.Kind == Feature) && known.EnvExact(c.Name) {
		return false
	}
	var words []string
	switch c.Kind {
	case Env, Feature:
		if i := strings.IndexByte(c.Name, '_'); i > 0 {
			words = []string{c.Name[:i]}
		}
	case Config:
		words = strings.Split(c.Name, ".")
		words = words[:len(words)-1]
	}
	for _, w := range words {
		if w = strings.ToLower(w); len(w) >= 2 && ix.programs != nil {
			if _, ok := ix.programs[w]; ok {
				return true
			}
		}
	}
	return false
}

// foreign reports whether an env claim that appears nowhere lacks every
// prefix the code's env vars share.
func (ix *Index) foreign(c Claim) bool {
	if c.Kind != Env {
		return false
	}
	ps := ix.ownPrefixes(c)
	if len(ps) == 0 {
		return false
	}
	for _, p := range ps {
		if strings.HasPrefix(c.Name, p) {
			return false
		}
	}
	return true
}

// otherProgramNamed is the one other program a flag's or key's sentence
// names, when the claim has no command of its own and the sentence names none of this
// repository's programs: "passing `--no-binary` to your pip install".
func (ix *Index) otherProgramNamed(c Claim) string {
	if c.Command != "" || c.Owner != "" || c.Context == "" {
		return ""
	}
	// The code span holding the claim is not the sentence speaking: in
	// "passing `--no-binary black` to pip", black is the flag's value.
	low := strings.ToLower(withoutSpanOf(c.Context, c.Text))
	for name := range ix.programs {
		// as in ownProgramIn, a name of three letters or fewer is too
		// often a word: an s6 service's run script is not named by "docker run"
		if len(name) > 3 && known.ProgramNamedIn(low, strings.ToLower(name)) {
			return ""
		}
	}
	var others []string
	for _, p := range known.DistinctiveProgramsIn(c.Context) {
		if !ix.ownsCommand(p) {
			others = append(others, p)
		}
	}
	if len(others) == 1 {
		return others[0]
	}
	return ""
}

// passedOnRE and envSpanRE find a sentence that gives flags as the value
// of a variable that passes them on: "set `BROWSER_ARGS` to pass
// additional arguments (e.g. `--incognito`)".
var (
	passedOnRE = regexp.MustCompile(`(?i)\bpass(es|ing)?\b[^.;]*\b(arguments|args|flags|options)\b`)
	envSpanRE  = regexp.MustCompile("`(?:process\\.env\\.)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`")
)

// withoutSpanOf removes from a sentence the code span that holds text.
func withoutSpanOf(sentence, text string) string {
	for i := 0; i < len(sentence); {
		open := strings.IndexByte(sentence[i:], '`')
		if open < 0 {
			break
		}
		open += i
		end := strings.IndexByte(sentence[open+1:], '`')
		if end < 0 {
			break
		}
		end += open + 1
		if strings.Contains(sentence[open:end], text) {
			return sentence[:open] + sentence[end+1:]
		}
		i = end + 1
	}
	return sentence
}

// decide settles what the index alone can settle: ignored, external and
// verified claims. StatusUnknown means text mentions are needed.
func (ix *Index) decide(c Claim) (Status, string, []Evidence) {
	if d := c.SuppressedBy; d != nil {
		return Ignored, "suppressed: " + d.Reason, nil
	}
	if ix.Policy.external(c) {
		return External, "listed under external in " + ix.Policy.source(), nil
	}
	if c.Historical != "" {
		return Ignored, fmt.Sprintf("the docs say it %s", c.Historical), nil
	}
	if c.Owner != "" && !ix.ownsCommand(c.Owner) {
		return External, fmt.Sprintf("the doc attributes it to %s", c.Owner), nil
	}
	if c.Kind == Flag {
		if c.Command != "" && !ix.ownsCommand(c.Command) && !commandPage(c) && !(c.Plugin != "" && ix.ownsCommand(c.Plugin)) {
			return External, fmt.Sprintf("a flag of %s, which is not a program of this repository", c.Command), nil
		}
		if c.Command == "" && !ix.DefinesFlags() {
			return External, "this repository defines no programs or command-line flags", nil
		}
		if prog := ix.otherProgramNamed(c); prog != "" {
			return External, fmt.Sprintf("its sentence speaks of %s, not of a program of this repository", prog), nil
		}
		if c.Command == "" && passedOnRE.MatchString(withoutSpanOf(c.Context, c.Text)) && envSpanRE.MatchString(c.Context) {
			return External, "an example of arguments an environment variable passes on to another program", nil
		}
	}
	var ev []Evidence
	for _, k := range c.Kind.ServedBy() {
		ev = append(ev, ix.lookup(k, c.Name)...)
	}
	if rest, ok := traitletsConfig(c); ok && len(ev) == 0 {
		ev = ix.lookup(Config, rest) // c.JupyterHub.log_file is JupyterHub.log_file
	}
	if len(ev) == 0 && c.Family {
		ev = ix.familyMembers(c)
	}
	if len(ev) > 0 {
		sortEvidence(ev)
		return Verified, "", ev
	}
	if c.Kind == Env && c.ReaderVariable && !ix.oneTypoFromReal(c) {
		// a name the code does not read, whose value the doc's own
		// commands or code use, is the reader's variable; a typo of one
		// the code reads is still a typo
		return External, "the doc's own commands or code use its value: a variable of the reader's, set for them", nil
	}
	if r := c.SourcedFrom; r != "" && !ix.ownsCommand(path.Base(r)) {
		// the names of a page copied from another repository that this
		// code has are verified above; the rest are the other's
		return External, fmt.Sprintf("its page says it is generated from %s, another repository, whose name it is", r), nil
	}
	if why := ix.keptElsewhere(c); why != "" && !ix.oneTypoFromReal(c) {
		return External, why, nil
	}
	if c.Kind == Feature && !ix.oneTypoFromReal(c) {
		if p := ix.ownFlagPlatform(); p != "" {
			return External, fmt.Sprintf("this repository is %s, a feature-flag platform: the flags its docs name are its users' examples, not flags its code reads", p), nil
		}
	}
	if c.Kind == Flag {
		if e, ok := ix.parserSpelling(c.Name); ok {
			return Verified, "", []Evidence{e}
		}
	}
	if c.Kind == Flag && (c.Name == "help" || c.Name == "version") {
		// every command-line library makes --help without being asked
		// (cobra, click, clap, argparse, commander), and --version by
		// default or from one call with the program's version (yargs,
		// urfave/cli, kingpin; commander's .version(), clap's version
		// attribute, cobra's Version): a program is enough
		if e, ok := ix.anyFlagDefinition(); ok {
			e.Name, e.Via = c.Name, "--"+c.Name+", which command-line libraries define themselves; flags are defined here"
			return Verified, "", []Evidence{e}
		}
	}
	if c.Kind == Config {
		// a chart's values are keyed by the program's name (tempo.readinessProbe):
		// the Kubernetes word decides, not the program's
		if owner := known.ConfigSegmentOwner(c.Name); owner != "" {
			return External, "a key of " + owner + "'s schema", nil
		}
	}
	if c.Kind == Config && !ix.namesOwnProgram(c) {
		if owner, ok := known.ConfigKey(c.Name); ok {
			return External, "a config key of " + owner, nil
		}
	}
	if c.Kind == Config && (c.Source == InlineCode || c.Source == Table) && !ix.namesOwnProgram(c) {
		// "git's core.quotepath=false": a key the code does not read, in a
		// sentence about another program, is that program's
		if prog := ix.otherProgramNamed(c); prog != "" {
			return External, fmt.Sprintf("its sentence speaks of %s, not of a program of this repository", prog), nil
		}
	}
	// a declared library that reads the name itself outweighs a list
	// that files the name under another program (the Docker client's
	// DOCKER_API_VERSION, docker's too)
	if c.Kind == Env || c.Kind == Feature || c.Kind == Config || c.Kind == Flag {
		if lib, dep, ok := ix.honouredBy(c.Display()); ok {
			dep.Name, dep.Via = lib, fmt.Sprintf("honoured by %s, %s", lib, dep.Via)
			return Verified, "", []Evidence{dep}
		}
	}
	// XDG_HOME is no variable of the XDG specification, whose every
	// variable is known, but XDG_CONFIG_HOME misspelt: missing, not external
	slip := familySlip(c)
	if (c.Kind == Env || c.Kind == Feature) && !ix.namesOwnProgram(c) && !slip {
		if owner, ok := known.Env(c.Name); ok {
			return External, "a variable of " + owner, nil
		}
	}
	if c.Kind == Env && c.Image != "" && !ix.ownsCommand(c.Command) && !ix.namesOwnProgram(c) {
		// docker run -e API_KEY=... datadog/agent: the variable is the
		// container's, and the image is another project's
		return External, fmt.Sprintf("it is set for a container of %s, an image that is not this repository's", c.Image), nil
	}
	if c.Kind == Env && c.Command != "" && !ix.ownsCommand(c.Command) && !ix.namesOwnProgram(c) && known.ReadsItsCommandLineEnv(ProgramName(c.Command)) {
		return External, fmt.Sprintf("it is set on the command line of %s, another program, which reads it", ProgramName(c.Command)), nil
	}
	if c.Kind == Env {
		// DISABLE_AUTO_UPDATE="true" in ~/.zshrc: set in another tool's
		// config file, for that tool
		if owner := known.ConfigFileOwnerIn(withoutSpanOf(c.Context, c.Text)); owner != "" && !ix.ownsCommand(owner) {
			return External, "its sentence sets it in a config file of " + owner, nil
		}
		if prog, what := ix.otherProgramsPrefix(c.Name); prog != "" && !slip {
			return External, fmt.Sprintf("its prefix names %s, %s, whose variables the code does not read as its own", prog, what), nil
		}
	}
	if c.Kind == Env && !ix.namesOwnProgram(c) {
		if dep, ok := ix.dependencyPrefix(c.Name); ok {
			return External, fmt.Sprintf("its prefix is the name of %s, a dependency %s: the library's own variable", dep.Name, dep.Via), nil
		}
	}
	return StatusUnknown, "", nil
}

func (ix *Index) judge(c Claim) Result {
	st, reason, ev := ix.decide(c)
	if st != StatusUnknown {
		return Result{Claim: c, Status: st, Reason: reason, Evidence: ev}
	}
	kinds := c.Kind.ServedBy()
	// a name one typo from a name the code reads is that name misspelt,
	// whatever builder could also make it
	if fit, _ := ix.dynamicFor(kinds, c.Name); len(fit) > 0 && !ix.prefixWellKnown(fit[0].Name) && !ix.oneTypoFromReal(c) {
		sortEvidence(fit)
		return Result{Claim: c, Status: Dynamic, Reason: "the code builds names like " + fit[0].Name + " at run time", Evidence: fit}
	}
	for _, e := range ix.mentions[c.Name] {
		if e.Strength == Read && (c.Kind == Env || c.Kind == Feature) {
			return Result{Claim: c, Status: Verified, Evidence: []Evidence{e}} // %env(NAME)% in a config file
		}
	}
	if dep, ok := ix.ownLibraryReads(c); ok {
		return Result{Claim: c, Status: Dynamic, Reason: fmt.Sprintf("it has the prefix of %s, the project's own library (%s), whose code is not in this repository", dep.Name, dep.Via), Evidence: []Evidence{dep}}
	}
	var weak []Evidence
	for _, k := range kinds {
		weak = append(weak, ix.weak[nameKey{k, normalize(k, c.Name)}]...)
	}
	weak = append(weak, ix.mentions[c.Name]...)
	if len(weak) > 0 {
		sortEvidence(weak)
		return Result{Claim: c, Status: Unwired, Reason: "mentioned, but never read", Evidence: weak}
	}
	if base, suffix, ok := ix.suffixedBase(c.Name); ok && c.Kind == Env && !ix.slipOfRead(c) {
		if evs := ix.mentions[strings.ToLower(suffix)]; len(evs) > 0 {
			b, _ := ix.envKnown(base)
			return Result{Claim: c, Status: Dynamic, Reason: fmt.Sprintf("%s is read (%s), and %s is a word of the code (%s) that names may end with", base, b.Pos, suffix, evs[0].Pos), Evidence: []Evidence{b, evs[0]}}
		}
	}
	if c.Kind == Config {
		if f, rest, ok := ix.untypedSection(c.Name); ok && !ix.oneTypoFromReal(c) {
			return Result{Claim: c, Status: Dynamic, Reason: fmt.Sprintf("%s is below %s (%s), a field of no fixed structure, whose keys the code decodes elsewhere by a type it picks at run time or passes on", rest, f.Key, f.pos), Evidence: []Evidence{{Pos: f.pos, Name: f.Key, Via: "a field of " + f.Owner + untypedVia, Strength: Mention}}}
		}
	}
	if c.Kind == Config {
		if f, rest, ok := ix.dependencySection(c.Name); ok {
			return Result{Claim: c, Status: External, Reason: fmt.Sprintf("%s is below %s (%s), a structure of the dependency %s, whose keys docverify does not read", rest, f.Key, f.pos, f.Package), Evidence: []Evidence{{Pos: f.pos, Name: f.Key, Via: "a field of " + f.Owner + " holding " + f.Package + "'s structure", Strength: Mention}}}
		}
	}
	if f, ok := ix.leafOfUnknownSection(c); ok && ix.sectionNamed(c) {
		return Result{Claim: c, Status: Unwired, Reason: "its last key is a field of the code's config structures, under a section docverify cannot follow", Evidence: []Evidence{{Pos: f.pos, Name: f.Key, Via: "a field of " + f.Owner + " (" + f.Via + ")", Strength: Mention}}}
	}
	if section, rest, ok := userSection(c); ok && len(ix.mentions[section]) == 0 && len(ix.lookup(c.Kind, section)) == 0 && !ix.oneTypoFromReal(Claim{Kind: Config, Name: section}) {
		known := ix.lookup(Config, rest)
		if len(known) == 0 {
			known = ix.mentions[rest]
		}
		if len(known) > 0 {
			// [megas4] type = s3: the section is the remote the user names
			return Result{Claim: c, Status: External, Reason: fmt.Sprintf("%s is a name of the code (%s) under a section the user names, %s, which the code does not know", rest, known[0].Pos, section), Evidence: known[:1]}
		}
	}
	// a word of the code one typo away (--exclude-namespaces for
	// --exclude-namespace), or a read name a word longer, says typo more
	// plainly than a builder could
	if d, ok := ix.nameBuilder(c.Kind, c.Name); ok && !ix.oneTypoFromReal(c) && !ix.typoOfWord(c) && !ix.slipOfRead(c) {
		if src, evs := ix.builtFromNames(c.Kind, dashedForm(c.Kind, c.Name, d)); src != "" {
			built := Evidence{Pos: d.pos, Name: d.Prefix + "*", Via: d.Via, Strength: Read}
			return Result{Claim: c, Status: Dynamic, Reason: fmt.Sprintf("the code builds names from names of the code at run time (%s), and %s is one (%s)", d.pos, src, evs[0].Pos), Evidence: []Evidence{evs[0], built}}
		}
	}
	if c.Kind == Flag {
		for _, d := range ix.dynamic {
			if d.Kind == Flag && d.PassesOn && ix.forwardsFor(d, c) {
				ev := Evidence{Pos: d.pos, Name: anyOption, Via: d.Via, Strength: Read}
				return Result{Claim: c, Status: Dynamic, Reason: "the program passes options it does not define on to another program", Evidence: []Evidence{ev}}
			}
		}
	}
	if c.Kind == Env {
		for _, p := range envPrefixesOf(c.Name) {
			if evs := ix.mentions[PassPrefix+p]; len(evs) > 0 && !ix.derivesWith(p) && !ix.oneTypoFromReal(c) {
				return Result{Claim: c, Status: Dynamic, Reason: "the code reads every variable that starts with " + p, Evidence: evs}
			}
		}
	}
	if seg, prog := passedOnSegment(c); seg != "" && len(ix.mentions[seg]) > 0 {
		return Result{Claim: c, Status: External, Reason: fmt.Sprintf("below %s, the options the code passes on to %s", seg, prog), Evidence: ix.mentions[seg][:1]}
	}
	r := Result{Claim: c, Status: Missing, Reason: "appears nowhere in the code"}
	if !c.Misspelling { // Check looks for those one typo from a documented name instead
		r.Nearest = ix.nearest(c)
		if r.Nearest == nil || !closeName(c.Name, r.Nearest.Name) {
			if m := ix.nearMention(c); m != nil {
				r.Nearest = m
			}
		}
		if c.Kind == Env && (r.Nearest == nil || !closeName(c.Name, r.Nearest.Name)) {
			if member, owner, ok := known.FamilySlip(c.Name, closeName); ok {
				r.Nearest = &Evidence{Name: member, Via: "a variable of " + owner, Strength: Mention}
			}
		}
	}
	return r
}

// typoOfWord reports a word of the code's text one typo from the claim's
// name and spelt apart from it by more than its separators: cache_mode is
// the key --cache-mode is built from, not a typo of it.
func (ix *Index) typoOfWord(c Claim) bool {
	for _, e := range ix.mentions[NearPrefix+c.Name] {
		if !sameSpelledOtherwise(e.Name, c.Name) && !(c.Misspelling && Plural(e.Name, c.Name)) {
			return true
		}
	}
	return false
}

// familySlip reports an env claim one slip from a member of a family of
// variables listed in full (XDG_HOME for XDG_CONFIG_HOME): a standard
// name misspelt, whatever the docs call it.
func familySlip(c Claim) bool {
	if c.Kind != Env {
		return false
	}
	_, _, ok := known.FamilySlip(c.Name, closeName)
	return ok
}

// nearMention is the first word of the code's text one typo from a name
// (pip's "--force-reinstall" in an option table docverify cannot read,
// for a doc's --force-resinstall), nil if none. A config key in other
// letters is the same key (currentBuild for CurrentBuild), not a typo.
func (ix *Index) nearMention(c Claim) *Evidence {
	var best *Evidence
	for _, e := range ix.mentions[NearPrefix+c.Name] {
		if c.Kind == Config && strings.EqualFold(e.Name, c.Name) {
			continue
		}
		if c.Kind == Flag && sameSpelledOtherwise(e.Name, c.Name) {
			continue // htpasswd_filename is a key's spelling of --htpasswd-filename, not the flag meant
		}
		if c.Misspelling && Plural(e.Name, c.Name) {
			continue // a bare extra_package is no slip for extra_packages: another word
		}
		if best == nil || e.Pos.Before(best.Pos) {
			e := e
			best = &e
		}
	}
	return best
}

func sortEvidence(ev []Evidence) {
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Strength != ev[j].Strength {
			return ev[i].Strength < ev[j].Strength
		}
		return ev[i].Pos.Before(ev[j].Pos)
	})
}

// Findings turns results into findings. Verified, external and ignored
// claims produce none.
func (ix *Index) Findings(results []Result) []Finding {
	var out []Finding
	for _, r := range results {
		if f, ok := ix.finding(r); ok {
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings by position, then rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Pos != fs[j].Pos {
			return fs[i].Pos.Before(fs[j].Pos)
		}
		return fs[i].Rule.ID < fs[j].Rule.ID
	})
}

func (ix *Index) finding(r Result) (Finding, bool) {
	c := r.Claim
	f := Finding{Pos: c.Pos, Kind: c.Kind, Name: c.Shown()}
	what := c.Kind.Noun() + " " + c.Shown()
	switch r.Status {
	case Missing:
		// a name one slip from one the code reads is the code's, misspelt
		// and one starting with a program of the repository (TG_ of tg,
		// beside TERRAGRUNT_) is not the reader's own either
		// and neither is one passed to the repository's program on its
		// command line (WORMHOLE_HOST=… tunnelto_server) or one in a
		// block of the code's names: that evidence outweighs a prefix
		foreign := (c.Safety == "" || c.SafetyFromName) && ix.foreign(c) && !hasOwnership(r.Ownership, OwnNearName) && !hasOwnership(r.Ownership, OwnProgramName) &&
			!hasOwnership(r.Ownership, OwnCommand) && !hasOwnership(r.Ownership, OwnBlock)
		// a name's own words ("DISABLE_…", "…_TIMEOUT") do not make it a
		// safety mechanism: only its sentence or section can
		safety := c.Safety != "" && !c.SafetyFromName
		// a name the code read before (pull-request mode) was its own; on
		// a page badged for a paid edition, a name is as likely that
		// edition's, built elsewhere, as this code's
		edition := c.Edition != "" && !hasOwnership(r.Ownership, OwnNearName)
		owned := c.Misspelling || len(r.Removed) > 0 || Owned(r.Ownership) && !edition
		switch {
		case c.Misspelling:
			// the docs did not say what the name is; its near twin did
			f.Rule = RuleMissing
			f.Message = fmt.Sprintf("%s appears nowhere in the code, and one typo away is a name the code has", c.Name)
		case c.Explicit && safety && !foreign && owned && c.Deprecated == "":
			f.Rule = RuleMissingSafety
			f.Message = fmt.Sprintf("%s is documented as a safety mechanism (%q) but does not exist in the code", what, c.Safety)
		case foreign:
			f.Rule = RuleForeign
			f.Message = fmt.Sprintf("%s appears nowhere in the code, and does not start with %s like the variables the code reads; it may be the reader's own", what, strings.Join(ix.ownPrefixes(c), " or "))
		case (c.Explicit || c.Safety != "" || ix.envByItsOwnWords(c, r.Ownership) || familySlip(c) || slipOfSetting(r)) && owned:
			f.Rule = RuleMissing
			f.Message = fmt.Sprintf("%s is documented but does not exist in the code", what)
			if c.Deprecated != "" {
				// deprecated means it still works; gone means the docs
				// should say it was removed, or drop it
				f.Message += fmt.Sprintf(" (the docs say it %s, which means it still works; if it was removed, say so)", c.Deprecated)
			} else if c.Safety != "" {
				where := c.SafetyWhere
				if where == "" || where == "sentence" {
					where = "context"
				}
				f.Message += fmt.Sprintf(" (its %s %s like a safety mechanism: %q)", where, plural(strings.Count(where, " and ")+1, "reads", "read"), c.Safety)
			}
		case (c.Explicit || c.Safety != "") && hasOwnership(r.Ownership, AgainstNoFacts) && !edition:
			// the evidence for it is outweighed: the code reads none of
			// the names of its kind that the docs give, so the docs may
			// describe code kept elsewhere; say that, then what speaks for it
			f.Rule = RuleUnowned
			var against, other []string
			for _, e := range r.Ownership {
				if e.Kind == AgainstNoFacts || e.Kind == AgainstSiblings {
					against = append(against, e.Detail)
				} else {
					other = append(other, e.Detail)
				}
			}
			f.Message = fmt.Sprintf("%s appears nowhere in the code; %s", what, strings.Join(against, "; "))
			if len(other) > 0 {
				f.Message += " (for it: " + strings.Join(other, "; ") + ")"
			}
		case c.Explicit || c.Safety != "":
			f.Rule = RuleUnowned
			f.Message = fmt.Sprintf("%s appears nowhere in the code, but nothing shows it is this repository's name", what)
			if edition {
				f.Message += fmt.Sprintf(" (its page is marked for the %s edition, whose code may be in another repository)", c.Edition)
			} else if against := ownershipSummary(r.Ownership); against != "" {
				f.Message += " (" + against + ")"
			}
		default:
			f.Rule = RuleUnconfirmed
			f.Message = fmt.Sprintf("%s looks like %s but appears nowhere in the code, and the docs do not say what it is", c.Display(), article(c.Kind.Noun()))
		}
		f.Ownership = r.Ownership
		// a name judged the reader's own is not said to be this repository's
		// in the same breath: the evidence for it was too weak to outweigh
		if e, ok := telling(r.Ownership); ok && owned && f.Rule != RuleUnowned && f.Rule != RuleForeign {
			f.Message += "; it is this repository's: " + e.Detail
		}
		f.Searched = ix.searched(c.Kind)
		if _, dyn := ix.dynamicForClaim(c.Kind.ServedBy(), c.Name, &c); len(dyn) > 0 {
			f.Message += fmt.Sprintf("; note: %s also reads names computed at run time, which docverify cannot follow", dyn[0].Pos)
			f.Related = append(f.Related, dyn[0])
		}
		if base, ok := strings.CutPrefix(c.Name, "no-"); ok && c.Kind == Flag {
			if evs := ix.reads[nameKey{Flag, base}]; len(evs) > 0 {
				f.Message += fmt.Sprintf("; --%s is defined at %s, but nothing makes its --no- form", base, evs[0].Pos)
				f.Related = append(f.Related, evs[0])
				r.Nearest = nil
			}
		}
		if n := r.Nearest; n != nil {
			f.Suggestion = c.ShownLike(n.Name) // as the name is shown: a quick fix replaces one with the other
			verb := "read"
			switch {
			case n.Strength == Mention:
				verb = "mentioned"
			case strings.HasPrefix(n.Via, builtVia):
				verb = "built from a key of the code's config"
			case c.Kind == Flag:
				verb = "defined"
			}
			if n.Pos.File == "" {
				// a well-known name of another program, not in this repository
				f.Message += fmt.Sprintf("; did you mean %s, %s?", c.ShownLike(n.Name), n.Via)
			} else {
				f.Message += fmt.Sprintf("; did you mean %s, %s at %s?", c.ShownLike(n.Name), verb, n.Pos)
			}
			f.Related = append(f.Related, *n)
		}
	case Unwired:
		f.Rule = RuleUnwired
		e := r.Evidence[0]
		f.Message = fmt.Sprintf("%s is mentioned at %s (%s) but nothing reads it", what, e.Pos, e.Via)
		f.Searched = ix.searched(c.Kind)
		f.Related = r.Evidence
	case Dynamic:
		f.Rule = RuleDynamic
		e := r.Evidence[0]
		f.Message = fmt.Sprintf("%s has no read site, but %s reads names built at run time (%s) that could include it", what, e.Pos, e.Name)
		if len(r.Evidence) > 1 && e.Strength == Mention && !e.InCode && strings.HasSuffix(r.Evidence[1].Name, "*") {
			// the source name is in a data file the code ships: the builder reads, the file lists
			b := r.Evidence[1]
			f.Message = fmt.Sprintf("%s has no read site, but %s builds names at run time (%s), and %s, listed at %s, would make it", what, b.Pos, b.Via, e.Name, e.Pos)
		}
		if c.Kind == Flag && e.Name == anyOption {
			f.Message = fmt.Sprintf("%s has no definition, but %s takes any option and passes it on (%s)", what, e.Pos, e.Via)
		}
		if strings.HasPrefix(e.Via, declaredIn) {
			// the project's own library, declared as a dependency
			f.Message = fmt.Sprintf("%s has no read site in this repository, but it has the prefix of %s, the project's own library declared at %s, which may read it", what, e.Name, e.Pos)
		}
		if strings.HasSuffix(e.Via, untypedVia) {
			f.Message = fmt.Sprintf("%s has no read site, but it is below %s (%s), a field of no fixed structure: the code decodes what is below it elsewhere, by a type it picks at run time, or passes it on", what, e.Name, e.Pos)
		}
		f.Related = r.Evidence
	default:
		return Finding{}, false
	}
	if len(r.Removed) > 0 {
		e := r.Removed[0]
		f.Message += fmt.Sprintf("; it was read at %s (%s) in %s, and that read site is gone", e.Pos, e.Via, r.Since)
		f.Related = append(f.Related, r.Removed...)
	}
	f.Severity = f.Rule.Severity
	return f, true
}

func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// searched says what was searched for a kind, for messages.
func (ix *Index) searched(k Kind) string {
	var what string
	switch k {
	case Env:
		what = "env reads"
	case Flag:
		what = "flag definitions"
	case Config:
		what = "config keys and structures"
	case Feature:
		what = "feature-flag SDK calls, env reads and config keys"
	}
	s := fmt.Sprintf("%s in %d source %s", what, ix.Stats.SourceFiles, plural(ix.Stats.SourceFiles, "file", "files"))
	if ix.Stats.MentionFiles > 0 {
		s += fmt.Sprintf(" and the text of %d %s", ix.Stats.MentionFiles, plural(ix.Stats.MentionFiles, "file", "files"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// leafOfUnknownSection finds, for a dotted key of a config snippet whose
// parent is no structure docverify can follow, a tagged field of the
// code's structures with the key's last segment: telegraf's
// [[inputs.file]] csv_header_row_count is read by the CSV parser's
// `toml:"csv_header_row_count"`, because the config loader hands the
// plugin's table to the parser too, through a registry docverify cannot
// see. The key is then only mentioned (info), not missing. A key under a
// section the code's structures do have, but not with that field, stays
// missing: that is a key in the wrong place. Untagged fields (Weak) are
// not enough.
func (ix *Index) leafOfUnknownSection(c Claim) (fieldSite, bool) {
	if c.Kind != Config || c.Source != ConfigBlock {
		return fieldSite{}, false
	}
	i := strings.LastIndexByte(c.Name, '.')
	if i <= 0 || i == len(c.Name)-1 {
		return fieldSite{}, false
	}
	if _, known := ix.parentKnown(c.Name); known {
		return fieldSite{}, false
	}
	leaf := c.Name[i+1:]
	for _, f := range ix.byKey[strings.ToLower(leaf)] {
		if f.Key == leaf && !f.Weak && !f.Inline {
			return f, true
		}
	}
	return fieldSite{}, false
}

// sectionNamed reports whether the code names the section a key sits in
// (its segment before the last: "file" of inputs.file.csv_header_row_count),
// as a plugin registry does; a section the code never names
// ([[inputs.smart_json]] for smartctl) is a mistake, not a registry entry.
func (ix *Index) sectionNamed(c Claim) bool {
	return len(exactMentions(ix.mentions[sectionSegment(c.Name)])) > 0
}

// sectionSegment is the segment of a dotted key before its last.
func sectionSegment(key string) string {
	segs := strings.Split(key, ".")
	if len(segs) < 2 {
		return ""
	}
	return segs[len(segs)-2]
}

// parserSpelling finds the flag a documented one spells another way that
// a declared parser accepts (flagparsers.txt): --pass-with-no-tests for
// passWithNoTests where cac parses, --no-api for api, --diff.contextLines
// for a key of --diff. The evidence names the parser and the definition.
func (ix *Index) parserSpelling(name string) (Evidence, bool) {
	for _, pkg := range known.FlagParsers() {
		dep, ok := ix.deps[known.NormalizeDependency(pkg)]
		if !ok {
			continue
		}
		accepts := known.FlagParser(pkg)
		try := func(alt, how string) (Evidence, bool) {
			if alt == "" || alt == name {
				return Evidence{}, false
			}
			for _, form := range []string{alt, camel(alt), Kebab(alt)} {
				if evs := ix.reads[nameKey{Flag, form}]; len(evs) > 0 {
					e := evs[0]
					e.Via = fmt.Sprintf("%s, which %s accepts for %s (%s)", how, pkg, DisplayName(Flag, form), dep.Via)
					return e, true
				}
			}
			return Evidence{}, false
		}
		if accepts["case"] {
			if e, ok := try(camel(name), "its camelCase form"); ok {
				return e, true
			}
			if e, ok := try(Kebab(name), "its kebab-case form"); ok {
				return e, true
			}
		}
		if rest, ok := strings.CutPrefix(name, "no-"); ok && accepts["negation"] {
			if e, ok := try(rest, "a negation"); ok {
				return e, true
			}
		}
		if first, _, ok := strings.Cut(name, "."); ok && accepts["dots"] {
			if e, ok := try(first, "a nested key"); ok {
				return e, true
			}
		}
	}
	return Evidence{}, false
}

// commandDirs are the folders a project keeps one reference page per
// command in: docs/commands/cal.md, man/cal.md.
var commandDirs = map[string]bool{"commands": true, "command": true, "cmd": true, "cli": true, "man": true, "builtins": true, "subcommands": true}

// commandPage reports a flag on the command line of a command whose own
// reference page the doc is (`cal --week-start` in docs/commands/cal.md):
// the project documents the command as its own, a built-in or
// subcommand docverify finds no program for, so its flags are checked
// rather than left to a program of the same name elsewhere. A well-known
// program's page (docs/commands/git.md) is about that program still.
func commandPage(c Claim) bool {
	name := ProgramName(c.Command)
	dir, file := path.Split(c.Pos.File)
	if strings.TrimSuffix(file, path.Ext(file)) != name || !commandDirs[path.Base(dir)] {
		return false
	}
	_, wellKnown := known.Program(name)
	return !wellKnown
}

// traitletsConfig strips the c. of a key written as a traitlets config
// file writes it: c.JupyterHub.log_file.
func traitletsConfig(c Claim) (string, bool) {
	rest, ok := strings.CutPrefix(c.Name, "c.")
	if !ok || c.Kind != Config || rest == "" || rest[0] < 'A' || rest[0] > 'Z' || !strings.Contains(rest, ".") {
		return "", false
	}
	return rest, true
}

// userSection splits a key of a config snippet into its first segment
// and the rest, for keys that may sit under a section the user names (an
// INI or TOML section of rclone's remotes, a profile): a snippet's key of
// two or more segments.
func userSection(c Claim) (section, rest string, ok bool) {
	if c.Kind != Config || c.Source != ConfigBlock {
		return "", "", false
	}
	section, rest, ok = strings.Cut(c.Name, ".")
	return section, rest, ok && section != "" && rest != ""
}

// oneTypoFromReal reports whether a claim is one typo from a name the
// code reads: that is the name it means, whatever names the code builds.
func (ix *Index) oneTypoFromReal(c Claim) bool {
	// a direct look at the names of about its length: nearest scores
	// every name by words, which costs too much to ask for every claim a
	// builder could also make
	low := strings.ToLower(c.Name)
	for _, k := range c.Kind.ServedBy() {
		byLen := ix.readsByLength(k)
		for n := len(low) - 1; n <= len(low)+1; n++ {
			for _, r := range byLen[n] {
				if r.lower != low && OneTypo(low, r.lower) && !exampleOf(r.file, c.Pos.File) {
					return true
				}
			}
		}
	}
	return false
}

// cutShort reports a claim that is the start of a longer name the code
// reads, a word short of it: PYO3_CROSS_PYTHON beside the code's
// PYO3_CROSS_PYTHON_VERSION is that name cut short, not PYO3_CROSS with a
// suffix built at run time.
func (ix *Index) cutShort(c Claim) bool {
	low := strings.ToLower(c.Name) + "_"
	for _, k := range c.Kind.ServedBy() {
		for n, reads := range ix.readsByLength(k) {
			if n <= len(low) {
				continue
			}
			for _, r := range reads {
				if strings.HasPrefix(r.lower, low) && !strings.Contains(r.lower[len(low):], "_") && !exampleOf(r.file, c.Pos.File) {
					return true
				}
			}
		}
	}
	return false
}

// slipOfRead reports a claim that is a read name cut short by a word or
// with its words reordered (FORGIT_PAGER_SHOW beside the code's
// FORGIT_SHOW_PAGER): a slip of the writer, which "did you mean" answers,
// not a read name with a suffix built at run time.
func (ix *Index) slipOfRead(c Claim) bool {
	if ix.cutShort(c) || ix.readNearby(c, readForms(c.Name)) {
		return true
	}
	cw := words(c.Name)
	if len(cw) < 2 {
		return false
	}
	low := strings.ToLower(c.Name)
	for _, k := range c.Kind.ServedBy() {
		for _, r := range ix.readsByLength(k)[len(low)] { // the same words are the same length
			if r.lower != low && reordered(cw, words(r.lower)) && !exampleOf(r.file, c.Pos.File) {
				return true
			}
		}
	}
	return false
}

// readForms are the read names a claim may be a slip of, beyond a typo:
// the name with a trailing s dropped or added (DOZZLE_NAMESPACES for
// DOZZLE_NAMESPACE) and the name without one of its inner words
// (DOZZLE_AGENT_FILTER for DOZZLE_FILTER), lower-cased. A word dropped at
// either end is left out: a suffix is what builders add (FOO_FILE), and
// cutShort answers a prefix.
func readForms(name string) []string {
	low := strings.ToLower(name)
	forms := []string{low + "s"}
	if strings.HasSuffix(low, "s") {
		forms = append(forms, low[:len(low)-1])
	}
	sep := "_"
	if !strings.Contains(low, sep) {
		sep = "-"
	}
	parts := strings.Split(low, sep)
	if len(parts) >= 3 {
		for i := 1; i < len(parts)-1; i++ {
			if len(parts[i]) >= 3 {
				forms = append(forms, strings.Join(append(append([]string(nil), parts[:i]...), parts[i+1:]...), sep))
			}
		}
	}
	return forms
}

// readNearby reports whether the code reads one of the given lower-cased
// forms of a claim's name, outside the examples of its doc.
func (ix *Index) readNearby(c Claim, forms []string) bool {
	for _, k := range c.Kind.ServedBy() {
		byLen := ix.readsByLength(k)
		for _, f := range forms {
			for _, r := range byLen[len(f)] {
				if r.lower == f && !exampleOf(r.file, c.Pos.File) {
					return true
				}
			}
		}
	}
	return false
}

// lengthRead is a name the code reads, lower-cased, with a file it is read in.
type lengthRead struct{ lower, file string }

// readsByLength groups the names of a kind the code reads by their
// length, once per index (config keys of structures included).
func (ix *Index) readsByLength(k Kind) map[int][]lengthRead {
	if m, ok := ix.lengthMemo[k]; ok {
		return m
	}
	m := map[int][]lengthRead{}
	add := func(name, file string) {
		l := strings.ToLower(name)
		m[len(l)] = append(m[len(l)], lengthRead{l, file})
	}
	for key, evs := range ix.reads {
		if key.kind == k && len(evs) > 0 {
			add(evs[0].Name, firstEvidence(evs).Pos.File)
		}
	}
	if k == Config {
		for key, fs := range ix.byKey {
			if len(fs) > 0 {
				add(key, fs[0].pos.File)
			}
		}
	}
	if ix.lengthMemo == nil {
		ix.lengthMemo = map[Kind]map[int][]lengthRead{}
	}
	ix.lengthMemo[k] = m
	return m
}

// exampleOf reports a name read in an example program's directory that
// a doc outside it is checked against: not the program the doc is about.
func exampleOf(file, doc string) bool {
	d := exampleDir(file)
	return d != "" && !strings.HasPrefix(doc, d)
}

// suffixedBase splits an env name into a variable the code reads and one
// more word after it: CIBW_TEST_COMMAND_LINUX is CIBW_TEST_COMMAND, read,
// and LINUX. Tools that let a setting be given per platform, target or
// profile build such names at run time (f"{envvar}_{platform.upper()}");
// docverify cannot read the set of suffixes, so a name of this shape whose
// last word is also a word of the code is judged dynamic, which is
// reported at info, not missing. A typo in the suffix (_LINUS) is not a
// word of the code and stays missing.
func (ix *Index) suffixedBase(name string) (base, suffix string, ok bool) {
	i := strings.LastIndexByte(name, '_')
	if i <= 0 || i == len(name)-1 {
		return "", "", false
	}
	base, suffix = name[:i], name[i+1:]
	if len(suffix) < 2 || !strings.Contains(base, "_") {
		return "", "", false
	}
	if _, ok := ix.envKnown(base); !ok || !ix.appendsWords(base) {
		return "", "", false
	}
	return base, suffix, true
}

// appendsWords reports whether the code reads env names it builds by
// putting a word after another name, with a constant start that base
// has: without such a builder, a read name plus a word is a name the
// code does not have (DOZZLE_USERNAME_FILE where only DOZZLE_USERNAME is
// read).
func (ix *Index) appendsWords(base string) bool {
	for _, d := range ix.dynamic {
		if d.Kind == Env && d.Suffixed && strings.HasPrefix(base, d.Prefix) {
			return true
		}
	}
	return false
}

// envKnown finds where the code reads an env name, or builds it from a
// name of the code (nameBuilder): its read site, or the name it is built
// from. Mentions must be in for the second.
func (ix *Index) envKnown(name string) (Evidence, bool) {
	if evs := ix.lookup(Env, name); len(evs) > 0 {
		return evs[0], true
	}
	if d, ok := ix.nameBuilder(Env, name); ok {
		if _, evs := ix.builtFromNames(Env, dashedForm(Env, name, d)); len(evs) > 0 {
			return evs[0], true
		}
	}
	return Evidence{}, false
}

// forwardsFor reports whether an option loop that passes unknown options
// on is the program a flag is documented for: the script the command
// line runs, or, for a flag written without a command, the repository's
// only program. A helper script that forwards its options says nothing
// of the main program's flags.
func (ix *Index) forwardsFor(d dynamicSite, c Claim) bool {
	script := ProgramName(d.pos.File)
	if c.Command != "" && c.Command != OwnProgram {
		return ProgramName(c.Command) == script
	}
	return len(ix.programs) == 1 && ix.programs[script].Name != ""
}

// anyOption names, in evidence, what a program that passes unknown options
// on accepts.
const anyOption = "--*"

// envPrefixesOf lists the prefixes of an env name that end at an
// underscore: VITE_ and VITE_APP_ for VITE_APP_TITLE.
func envPrefixesOf(name string) []string {
	var out []string
	for i := 1; i < len(name)-1; i++ {
		if name[i] == '_' {
			out = append(out, name[:i+1])
		}
	}
	return out
}

// optionsSegmentRE finds a config key segment that holds another
// program's options: rolldownOptions, esbuild_options, terser-options.
var optionsSegmentRE = regexp.MustCompile(`^([a-z][a-z0-9]+)(Options|_options|-options)$`)

// passedOnSegment finds, in a config key that is not a leaf of it, the
// segment holding another program's options (build.rolldownOptions.output.intro)
// and that program: what lies below is that program's to define.
func passedOnSegment(c Claim) (seg, prog string) {
	if c.Kind != Config {
		return "", ""
	}
	parts := strings.Split(c.Name, ".")
	for _, p := range parts[:len(parts)-1] {
		if m := optionsSegmentRE.FindStringSubmatch(p); m != nil {
			return p, m[1]
		}
	}
	return "", ""
}

// derivesWith reports whether a derivation the index understands builds
// env names with a prefix (pydantic's env_prefix="INGEST_"): the names it
// can build are known, so the prefix does not pass every name through.
func (ix *Index) derivesWith(prefix string) bool {
	for _, d := range ix.derives {
		if d.Kind == Env && strings.EqualFold(d.Prefix, prefix) {
			return true
		}
	}
	return false
}

// familyMaxEvidence bounds the members cited for a family name.
const familyMaxEvidence = 3

// familyMembers finds the names a family name stands for: --crt-dir and
// --crt-ns for "the other `--crt` options", read with the separator of the
// kind right after the family's name. Members are cited in name order, a
// few of them, so that the answer does not depend on the map's order.
func (ix *Index) familyMembers(c Claim) []Evidence {
	sep := "-"
	if c.Kind == Env {
		sep = "_"
	}
	prefix := normalize(c.Kind, c.Name) + sep
	var members []string
	for k := range ix.reads {
		if k.kind == c.Kind && strings.HasPrefix(k.name, prefix) {
			members = append(members, k.name)
		}
	}
	sort.Strings(members)
	var ev []Evidence
	for _, m := range members[:min(len(members), familyMaxEvidence)] {
		e := ix.reads[nameKey{c.Kind, m}][0]
		e.Via = fmt.Sprintf("a member of the family %s stands for", DisplayName(c.Kind, c.Name))
		ev = append(ev, e)
	}
	return ev
}
