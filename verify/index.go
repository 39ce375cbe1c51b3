package verify

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/docverify/docverify/verify/known"
)

// Index joins the facts of every indexed file into something a claim can be
// looked up in: literal reads, reads through constants and wrappers, config
// structures chained into dotted paths, and names built at run time.
type Index struct {
	reads     map[nameKey][]Evidence
	folded    map[nameKey][]Evidence // FoldCase reads, keyed by upper-cased name
	negatable map[string][]Evidence  // boolean flags whose parser accepts --no-<name>
	weak      map[nameKey][]Evidence // reads in tests: mentions, not proof
	mentions  map[string][]Evidence  // text mentions, added by AddMentions
	dynamic   []dynamicSite
	owners    map[string][]fieldSite // type name → its fields
	byKey     map[string][]fieldSite // lower-cased key → fields with that key
	derives   []derivationSite
	programs  map[string]Evidence // program name → where it is defined
	progDirs  map[string]bool     // directories that hold a program's entry point
	files     map[string]bool     // every file of the repository that is not a doc
	codeDirs  map[string]bool     // directories of the indexed source files outside tests
	deps      map[string]Evidence // declared dependencies, by normalised name
	pending   map[string]bool     // identifiers of unresolved refs, wrapper names

	// Memos of walks through config structures. Types are known by name,
	// and a large repository has hundreds of structures called Options
	// that embed one another: unremembered, a walk fans out exponentially.
	// An Index is not used by two goroutines at once.
	fieldsMemo map[string][]fieldSite
	followMemo map[followKey]followResult
	lengthMemo map[Kind]map[int][]lengthRead // oneTypoFromReal's groups of read names
	// envPrefixMemo and programPrefixMemo hold envPrefixes and
	// programPrefixes, asked for every missing claim, once worked out
	envPrefixMemo, programPrefixMemo *[]string
	spellings                        map[string]spelling // nearest's names of the code, worked out once

	Stats IndexStats
	// Policy is the repository's configuration of judging; set it before
	// Pending and Check.
	Policy Policy
}

// IndexStats describes what the index was built from, for summaries and
// for the "searched ..." part of messages.
type IndexStats struct {
	// SourceFiles counts the source files searched for read sites: those
	// given to NewIndex, unless the caller knows of more (files a
	// prefilter ruled out were searched too).
	SourceFiles  int
	ByLang       map[string]int // source files per language
	MentionFiles int            // files whose text was searched for mentions
}

type nameKey struct {
	kind Kind
	name string
}

type dynamicSite struct {
	DynamicRead
	pos Pos
}

type fieldSite struct {
	Field
	pos Pos
}

type derivationSite struct {
	Derivation
	pos Pos
}

// normalize gives the form names of a kind are compared in. Config keys
// compare case-insensitively: viper, koanf, Spring and most YAML loaders
// fold them, and docs often capitalise differently from code.
func normalize(k Kind, name string) string {
	if k == Config {
		return strings.ToLower(name)
	}
	return name
}

// NewIndex builds an index from the facts of every indexed file and the
// paths of every other (non-doc) file of the repository.
func NewIndex(files []FileFacts, otherFiles []string) *Index {
	ix := &Index{
		reads:     map[nameKey][]Evidence{},
		folded:    map[nameKey][]Evidence{},
		negatable: map[string][]Evidence{},
		weak:      map[nameKey][]Evidence{},
		mentions:  map[string][]Evidence{},
		owners:    map[string][]fieldSite{},
		byKey:     map[string][]fieldSite{},
		programs:  map[string]Evidence{},
		progDirs:  map[string]bool{},
		files:     map[string]bool{},
		codeDirs:  map[string]bool{},
		deps:      map[string]Evidence{},
		pending:   map[string]bool{},
		Stats:     IndexStats{ByLang: map[string]int{}},
	}
	for _, f := range otherFiles {
		ix.files[f] = true
	}

	consts := map[string][]string{}
	wrappers := map[string][]Wrapper{}
	var forwards []Forward
	for _, f := range files {
		ix.files[f.Path] = true
		if !f.Test {
			ix.codeDirs[path.Dir(f.Path)] = true
		}
		for _, c := range f.Consts {
			consts[c.Name] = appendUnique(consts[c.Name], c.Value)
		}
		if f.Test {
			continue
		}
		for _, w := range f.Wrappers {
			wrappers[w.Func] = append(wrappers[w.Func], w)
		}
		forwards = append(forwards, f.Forwards...)
	}
	chainWrappers(wrappers, forwards)
	for name := range wrappers {
		ix.pending[name] = true
	}

	var fields []fieldSite
	var roots []string
	var dynamics []dynamicSite
	called := map[string]bool{} // wrappers some call with a literal resolves
	for _, f := range files {
		if f.Lang != "" {
			ix.Stats.SourceFiles++
			ix.Stats.ByLang[f.Lang]++
		}
		for _, r := range f.Reads {
			ix.addRead(f, r)
		}
		for _, r := range f.Refs {
			vals := consts[r.Ident]
			if len(vals) == 0 {
				ix.pending[r.Ident] = true
				continue
			}
			for _, v := range vals {
				ix.addRead(f, ReadSite{Kind: r.Kind, Name: v, Site: r.Site, Via: r.Via + " of constant " + r.Ident})
			}
		}
		for _, c := range f.Calls {
			for _, w := range wrappers[c.Func] {
				if w.Arg == c.Arg {
					ix.addRead(f, ReadSite{Kind: w.Kind, Name: w.Prefix + c.Value + w.Suffix, Site: c.Site, Via: c.Func + "(), which wraps " + w.Via})
					called[c.Func] = true
				}
			}
		}
		if f.Test {
			continue
		}
		for _, d := range f.Dynamic {
			dynamics = append(dynamics, dynamicSite{d, at(f.Path, d.Site)})
		}
		for _, fl := range f.Fields {
			fields = append(fields, fieldSite{fl, at(f.Path, fl.Site)})
		}
		for _, r := range f.Roots {
			roots = append(roots, r.Type)
		}
		for _, d := range f.Derives {
			ix.derives = append(ix.derives, derivationSite{d, at(f.Path, d.Site)})
		}
		for _, d := range f.Dependencies {
			if _, ok := ix.deps[known.NormalizeDependency(d.Name)]; !ok {
				ix.deps[known.NormalizeDependency(d.Name)] = Evidence{Pos: at(f.Path, d.Site), Name: d.Name, Via: declaredIn + f.Path, Strength: Read}
			}
		}
		for _, p := range f.Programs {
			if scriptNamedLikeOther(p, f.Path) {
				continue
			}
			if _, ok := ix.programs[p.Name]; !ok {
				ix.programs[p.Name] = Evidence{Pos: at(f.Path, p.Site), Name: p.Name, Via: p.Via, Strength: Read}
			}
			ix.progDirs[path.Dir(f.Path)] = true
		}
	}
	for _, d := range dynamics {
		if d.Wrapper == "" || !called[d.Wrapper] {
			ix.dynamic = append(ix.dynamic, d)
		}
	}
	ix.addFields(fields, roots)
	for id := range ix.pending {
		if len(consts[id]) > 0 {
			delete(ix.pending, id)
		}
	}
	// A read through a name no file defines as a constant reads a name
	// computed at run time, as far as docverify can tell.
	for _, f := range files {
		if f.Test {
			continue
		}
		for _, r := range f.Refs {
			if len(consts[r.Ident]) == 0 {
				ix.dynamic = append(ix.dynamic, dynamicSite{DynamicRead{Kind: r.Kind, Site: r.Site, Via: r.Via + " of " + r.Ident}, at(f.Path, r.Site)})
			}
		}
	}
	return ix
}

func at(file string, s Site) Pos { return Pos{File: file, Line: s.Line, Col: s.Col} }

// maxChain bounds how many levels of wrappers around wrappers are followed.
const maxChain = 6

// chainWrappers adds the functions that forward a parameter to a wrapper:
// if GetTaskEnvBool(key) calls GetTaskEnv(key), and GetTaskEnv wraps
// os.Getenv("TASK_" + key), then GetTaskEnvBool wraps it too.
func chainWrappers(wrappers map[string][]Wrapper, forwards []Forward) {
	type key struct {
		fn     string
		arg    int
		kind   Kind
		prefix string
		suffix string
	}
	have := map[key]bool{}
	for _, ws := range wrappers {
		for _, w := range ws {
			have[key{w.Func, w.Arg, w.Kind, w.Prefix, w.Suffix}] = true
		}
	}
	for level := 0; level < maxChain; level++ {
		added := false
		for _, fw := range forwards {
			for _, w := range wrappers[fw.Callee] {
				if w.Arg != fw.Arg {
					continue
				}
				k := key{fw.Func, fw.Param, w.Kind, w.Prefix, w.Suffix}
				if have[k] {
					continue
				}
				have[k] = true
				wrappers[fw.Func] = append(wrappers[fw.Func], Wrapper{Func: fw.Func, Arg: fw.Param, Kind: w.Kind, Prefix: w.Prefix, Suffix: w.Suffix, Site: w.Site, Via: w.Via})
				added = true
			}
		}
		if !added {
			return
		}
	}
}

// addFields indexes config structures. A weak field — untagged, in a
// structure with no config tags — counts only if its structure is
// configuration: reached from a root the code loads config into, or from
// a structure with config tags. A root whose type no indexed file defines
// is pending, so that the files defining it are parsed.
func (ix *Index) addFields(fields []fieldSite, roots []string) {
	byOwner := map[string][]fieldSite{}
	for _, f := range fields {
		byOwner[f.Owner] = append(byOwner[f.Owner], f)
	}
	config := map[string]bool{}
	var queue []string
	mark := func(t string) {
		if t != "" && !config[t] {
			config[t] = true
			queue = append(queue, t)
		}
	}
	for _, r := range roots {
		mark(r)
		if len(byOwner[r]) == 0 {
			ix.pending[r] = true
		}
	}
	for _, f := range fields {
		if !f.Weak {
			mark(f.Owner)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, f := range byOwner[t] {
			mark(f.Type)
		}
	}
	for _, f := range fields {
		if f.Env != "" {
			ix.owners[f.Owner] = append(ix.owners[f.Owner], f)
			continue
		}
		if f.Weak && !config[f.Owner] {
			continue
		}
		ix.owners[f.Owner] = append(ix.owners[f.Owner], f)
		if f.Key != "" && !f.Nested {
			ix.byKey[strings.ToLower(f.Key)] = append(ix.byKey[strings.ToLower(f.Key)], f)
		}
	}
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// inATest ends the Via of a read in a test file, which counts as a
// mention only.
const inATest = " in a test"

func (ix *Index) addRead(f FileFacts, r ReadSite) {
	ev := Evidence{Pos: at(f.Path, r.Site), Name: r.Name, Via: r.Via, Strength: Read}
	if f.Test {
		ev.Strength = Mention
		ev.Via += inATest
		k := nameKey{r.Kind, normalize(r.Kind, r.Name)}
		ix.weak[k] = append(ix.weak[k], ev)
		return
	}
	if r.FoldCase {
		k := nameKey{r.Kind, strings.ToUpper(r.Name)}
		ix.folded[k] = append(ix.folded[k], ev)
	}
	k := nameKey{r.Kind, normalize(r.Kind, r.Name)}
	ix.reads[k] = append(ix.reads[k], ev)
	if r.Kind == Flag && r.Negatable {
		ix.negatable[r.Name] = append(ix.negatable[r.Name], ev)
	}
}

// Pending lists identifiers the index could not resolve (constants read
// sites refer to) and wrapper functions whose calls may sit in files that
// were not indexed. The caller indexes the files that contain them and
// builds the index again.
func (ix *Index) Pending() []string {
	out := make([]string, 0, len(ix.pending))
	for id := range ix.pending {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// AddMentions records where names appear as text in files that do not
// read them. names maps a name (as MentionNames gave it) to its places.
func (ix *Index) AddMentions(m map[string][]Evidence, filesSearched int) {
	for name, evs := range m {
		ix.mentions[name] = append(ix.mentions[name], evs...)
	}
	ix.Stats.MentionFiles = filesSearched
}

// HasFile reports whether the repository has a (non-doc) file at the
// slash path p relative to the root.
func (ix *Index) HasFile(p string) bool { return ix.files[p] }

// Programs lists the repository's own programs by name.
func (ix *Index) Programs() []string {
	out := make([]string, 0, len(ix.programs))
	for n := range ix.programs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// DefinesFlags reports whether the repository has any program or flag
// definition at all, which decides whether an unattributed --flag in the
// docs can be this repository's.
func (ix *Index) DefinesFlags() bool {
	if len(ix.programs) > 0 {
		return true
	}
	for k := range ix.reads {
		if k.kind == Flag {
			return true
		}
	}
	return false
}

// anyFlagDefinition is the first place, by position, where the code
// defines a program or a flag.
func (ix *Index) anyFlagDefinition() (Evidence, bool) {
	var best Evidence
	found := false
	consider := func(e Evidence) {
		if !found || e.Pos.Before(best.Pos) {
			best, found = e, true
		}
	}
	for _, e := range ix.programs {
		consider(e)
	}
	for k, evs := range ix.reads {
		if k.kind == Flag && len(evs) > 0 {
			consider(firstEvidence(evs))
		}
	}
	return best, found
}

// lookup returns the read sites that back a name of kind k, directly or
// through negation, config structures or run-time derivation.
func (ix *Index) lookup(k Kind, name string) []Evidence {
	ev := append([]Evidence(nil), ix.reads[nameKey{k, normalize(k, name)}]...)
	ev = append(ev, ix.folded[nameKey{k, strings.ToUpper(name)}]...)
	switch k {
	case Flag:
		if base, ok := strings.CutPrefix(name, "no-"); ok {
			for _, e := range ix.negatable[base] {
				e.Via = "negation of --" + base + ", " + e.Via
				ev = append(ev, e)
			}
		}
		for _, d := range ix.derives {
			if d.Kind != Flag || d.From != Flag || d.Prefix == "" {
				continue
			}
			if base, ok := strings.CutPrefix(name, d.Prefix); ok && len(ix.reads[nameKey{Flag, base}]) > 0 {
				e := ix.reads[nameKey{Flag, base}][0]
				e.Via = fmt.Sprintf("--%s made from --%s by %s at %s", name, base, d.Via, d.pos)
				ev = append(ev, e)
			}
		}
		for _, d := range ix.derives {
			if d.Kind == Flag && d.FieldNames {
				ev = append(ev, ix.namedByFields(d, name)...)
			}
		}
	case Config:
		ev = append(ev, ix.configPath(name)...)
	case Env:
		ev = append(ev, ix.derived(name)...)
	}
	return ev
}

// configPath resolves a dotted key through config structures: retry.max_attempts
// is read when some structure has a field "retry" whose type has a field
// "max_attempts".
func (ix *Index) configPath(key string) []Evidence {
	segs := strings.Split(strings.ToLower(key), ".")
	var out []Evidence
	for _, f := range ix.byKey[segs[0]] {
		if leaf, ok := ix.followPath(f, segs[1:], 0); ok {
			out = append(out, Evidence{Pos: leaf.pos, Name: key, Via: leaf.Via, Strength: Read})
		}
	}
	return out
}

// nameBuilder is the first place the code builds names of kind k from
// other names of the code by changing their case (FromNames), and for env
// names, one whose prefix starts name; false if there is none.
func (ix *Index) nameBuilder(k Kind, name string) (dynamicSite, bool) {
	for _, d := range ix.dynamic {
		if !d.FromNames || d.Kind != k {
			continue
		}
		if d.CallerPrefix {
			// the prefix is the callers': one the code's env names share
			for _, p := range ix.envPrefixes() {
				if strings.HasPrefix(name, p) && len(name) > len(p) {
					d.Prefix = p
					return d, true
				}
			}
			continue
		}
		if strings.HasPrefix(name, d.Prefix) && len(name) > len(d.Prefix) {
			return d, true
		}
	}
	return dynamicSite{}, false
}

// sourceForm is a name of the code a built name can come from, and the
// leading part a builder would have added to it.
type sourceForm struct{ name, prefix string }

// sourceForms are the names of the code a dashed name (a flag, or an env
// name's rest in kebab form) can be built from: its whole name and its
// name after each leading segment, which a builder may add (a backend's
// prefix: --s3-access-key-id from access_key_id, --pikpak-encoding from
// encoding), each in snake_case and in camelCase (--write-discovered-repos
// from writeDiscoveredRepos).
func sourceForms(dashed string) []sourceForm {
	var out []sourceForm
	add := func(rest, prefix string) {
		out = append(out, sourceForm{strings.ReplaceAll(rest, "-", "_"), prefix})
		if strings.Contains(rest, "-") {
			out = append(out, sourceForm{camel(rest), prefix})
		}
	}
	// the whole name with each separator a dash, an underscore or a dot:
	// option tables keyed in kebab case ("test-command"), settings named
	// by dotted paths (poetry's POETRY_VIRTUALENVS_IN_PROJECT from
	// virtualenvs.in-project)
	for _, j := range separatorJoins(strings.Split(dashed, "-")) {
		if j != strings.ReplaceAll(dashed, "-", "_") {
			out = append(out, sourceForm{j, ""})
		}
	}
	add(dashed, "")
	for i := 1; i < len(dashed)-1; i++ {
		if dashed[i] == '-' {
			add(dashed[i+1:], dashed[:i])
		}
	}
	return out
}

// maxJoinedSeparators bounds separatorJoins: 3^5 forms of a six-word
// name; maxDottedSeparators bounds the joins of longer names, which get
// only "_" or "." between words (2^8 forms of a nine-word name: a long
// setting path such as state_backend.s3.aws_access_key_id).
const (
	maxJoinedSeparators = 5
	maxDottedSeparators = 8
)

// separatorJoins joins words with every choice of "-", "_" or "." between
// them; a name of seven to nine words gets "_" or "." only, a longer one
// only the dashed join.
func separatorJoins(words []string) []string {
	seps := []string{"-", "_", "."}
	switch n := len(words) - 1; {
	case n > maxDottedSeparators:
		return []string{strings.Join(words, "-")}
	case n > maxJoinedSeparators:
		seps = seps[1:]
	}
	out := []string{words[0]}
	for _, w := range words[1:] {
		next := make([]string, 0, len(seps)*len(out))
		for _, o := range out {
			for _, sep := range seps {
				next = append(next, o+sep+w)
			}
		}
		out = next
	}
	return out
}

// exactMentions leaves out the mentions of a dotted key that are only its
// parts found together in a file: weak evidence for a key, none for the
// source of a built name.
func exactMentions(evs []Evidence) []Evidence {
	var out []Evidence
	for _, e := range evs {
		if !strings.Contains(e.Via, "appear together") {
			out = append(out, e)
		}
	}
	return out
}

// codeMentions are the exact mentions in source files, and in data files
// the code ships beside it (shippedData): the names a builder in the code
// can take as its source (a word of a CI file is not an option).
func (ix *Index) codeMentions(evs []Evidence) []Evidence {
	var out []Evidence
	for _, e := range exactMentions(evs) {
		if e.InCode || ix.shippedData(e.Pos.File) {
			out = append(out, e)
		}
	}
	return out
}

// shippedData reports a YAML, JSON or TOML file in a package of the code:
// in a directory of source files, or one below it (meltano's
// core/bundle/settings.yml, the registry of its settings). Data under
// docs, examples, tests or deployment directories is the users'.
func (ix *Index) shippedData(p string) bool {
	switch path.Ext(p) {
	case ".yml", ".yaml", ".json", ".toml":
	default:
		return false
	}
	if TestPath(p) {
		return false
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if usersDataDirs[strings.ToLower(seg)] {
			return false
		}
	}
	dir := path.Dir(p)
	return dir != "." && (ix.codeDirs[dir] || ix.codeDirs[path.Dir(dir)])
}

// usersDataDirs hold data the users write or copy, not the code's own.
var usersDataDirs = map[string]bool{"docs": true, "doc": true, "examples": true, "example": true, "samples": true, "test": true, "tests": true, "testdata": true, "fixtures": true, ".github": true, "deploy": true, "charts": true, "helm": true, "contrib": true}

// outsideTests drops the evidence found in test files: a word a test
// uses ("namespace" in integration/repo_test.go) is no name the program
// builds its options from.
func outsideTests(evs []Evidence) []Evidence {
	out := evs[:0:0]
	for _, e := range evs {
		if !TestPath(e.Pos.File) {
			out = append(out, e)
		}
	}
	return out
}

// dashedForm is the dashed name a built name is checked as: a flag's own
// name, or an env name's rest after the builder's prefix, lower-cased.
func dashedForm(k Kind, name string, d dynamicSite) string {
	if k == Env {
		return strings.ToLower(strings.ReplaceAll(name[len(d.Prefix):], "_", "-"))
	}
	return name
}

// builtFromNames finds the name of the code a built name comes from: a
// form of two words or more that the code names, or a form after a
// prefix that the code names too (the backend "pikpak" and its option
// "encoding"), so that neither a bare word of the code ("id", "region")
// nor a typo in the first word makes a name.
func (ix *Index) builtFromNames(k Kind, dashed string) (string, []Evidence) {
	for _, f := range sourceForms(dashed) {
		evs := outsideTests(ix.codeMentions(ix.mentions[f.name]))
		if len(evs) == 0 || k == Flag && f.name == dashed {
			continue // the flag's own name written in the code is a mention, judged as one
		}
		// the part a builder added must be a name of the code too: a typo
		// in it (RENOVATE_ADDITONAL_CONFIG_FILE) is no backend's prefix
		if f.prefix != "" && len(ix.codeMentions(ix.mentions[f.prefix])) == 0 {
			continue
		}
		// a one-word source needs a prefix the builder adds: an env
		// builder's own (COMPOSER_ + "cafile") or a named leading segment
		if oneWord := !strings.ContainsAny(f.name, "_-.") && strings.ToLower(f.name) == f.name; oneWord && f.prefix == "" && k != Env {
			continue
		}
		return f.name, evs
	}
	return "", nil
}

// dependencyType reports whether a field holds a structure of a declared
// dependency (its type's package is under a module go.mod requires).
func (ix *Index) dependencyType(f fieldSite) bool {
	// a map's keys are the user's, and a raw value (toml.Primitive,
	// json.RawMessage, yaml.Node) is decoded later into a structure of
	// the repository's own: neither holds the dependency's keys
	if f.Package == "" || f.Map || rawValueTypes[f.Type] {
		return false
	}
	pkg := strings.ToLower(f.Package)
	for d := pkg; d != "." && d != "/" && d != ""; d = path.Dir(d) {
		if _, ok := ix.deps[known.NormalizeDependency(d)]; ok {
			return true
		}
	}
	return false
}

// rawValueTypes are the decoders' types for a value decoded later.
var rawValueTypes = map[string]bool{"Primitive": true, "RawMessage": true, "Node": true, "Value": true, "RawExtension": true, "MapSlice": true}

// dependencySection finds the field of a dotted key's path that holds a
// dependency's structure, with the rest of the key below it: server of
// server.http_listen_network in tempo, whose server.Config is dskit's.
//
// The path may start with sections docverify cannot follow, a component's
// name a factory registers (exporters.jaeger_storage_exporter.retry_on_failure
// in an OpenTelemetry collector's config): a field further down the path
// that holds a dependency's structure is evidence enough.
func (ix *Index) dependencySection(key string) (fieldSite, string, bool) {
	segs := strings.Split(strings.ToLower(key), ".")
	for i := 0; i < len(segs)-1; i++ {
		if f, rest, ok := ix.dependencySectionFrom(segs[i:]); ok {
			return f, rest, true
		}
	}
	return fieldSite{}, "", false
}

func (ix *Index) dependencySectionFrom(segs []string) (fieldSite, string, bool) {
	return ix.sectionFrom(segs, ix.holdsDependency)
}

// sectionFrom follows a key's segments through the code's structures from
// its first and finds the first field, above the last segment, that holds
// is true of, with the rest of the key below it.
func (ix *Index) sectionFrom(segs []string, holds func(fieldSite) bool) (fieldSite, string, bool) {
	for _, f := range ix.byKey[segs[0]] {
		if len(segs) > 1 && holds(f) {
			return f, strings.Join(segs[1:], "."), true
		}
		cur := f
		for i := 1; i < len(segs)-1; i++ {
			next, ok := ix.followPath(cur, segs[i:i+1], 0)
			if !ok {
				break
			}
			if holds(next) {
				return next, strings.Join(segs[i+1:], "."), true
			}
			cur = next
		}
	}
	return fieldSite{}, "", false
}

// untypedSection finds, along a key, a field of no fixed structure (Any)
// and the rest of the key below it: type: S3 / config: bucket: under
// Config any, which the code decodes by the type it reads beside it.
func (ix *Index) untypedSection(key string) (fieldSite, string, bool) {
	segs := strings.Split(strings.ToLower(key), ".")
	for i := 0; i < len(segs)-1; i++ {
		if f, rest, ok := ix.sectionFrom(segs[i:], func(f fieldSite) bool { return f.Any }); ok {
			return f, rest, true
		}
	}
	return fieldSite{}, "", false
}

// holdsDependency reports whether the keys below a field may be a
// dependency's: its type is one, or embeds one inline (tempo's
// internal_server embeds dskit's server.Config).
func (ix *Index) holdsDependency(f fieldSite) bool {
	if ix.dependencyType(f) {
		return true
	}
	for _, g := range ix.owners[f.Type] {
		if g.Inline && ix.dependencyType(g) {
			return true
		}
	}
	return false
}

// declaredIn starts the Via of a declared dependency's evidence.
const declaredIn = "declared in "

// maxDepth bounds walks through config structures, which may be recursive.
const maxDepth = 12

func (ix *Index) followPath(f fieldSite, rest []string, depth int) (fieldSite, bool) {
	if len(rest) == 0 || f.Type == AnyStructure {
		return f, true
	}
	if depth > maxDepth || ix.dependencyType(f) {
		// a dependency's structure: its keys are not the fields of this
		// repository's structures of the same name
		return fieldSite{}, false
	}
	if f.Map && len(rest) == 1 {
		return f, true // the segment is a key of the map
	}
	// a key of the structure the field holds; a map may also have known
	// keys (a JSON Schema's properties beside additionalProperties)
	if leaf, ok := ix.followField(f.Type, rest, depth); ok {
		return leaf, true
	}
	if f.Map {
		// the next segment is a map key; the one after it continues into
		// the map's element type, if that is a structure
		if leaf, ok := ix.followField(f.Type, rest[1:], depth); ok {
			return leaf, true
		}
		// or into a structure defined apart from the map's own: plugins
		// add the properties of serverless's functions.<name> to the
		// schema in a literal of their own. The user named the segment
		// before, so a path the code has anywhere from there is enough.
		for _, g := range ix.byKey[rest[1]] {
			if leaf, ok := ix.followPath(g, rest[2:], depth+1); ok {
				return leaf, true
			}
		}
	}
	return fieldSite{}, false
}

type followKey struct{ typ, rest string }

type followResult struct {
	leaf fieldSite
	ok   bool
}

// followField follows rest from the keys of structure typ. Each call
// consumes a segment, so the walk is as deep as the key; the memo keeps
// it as wide as the types and suffixes there are.
func (ix *Index) followField(typ string, rest []string, depth int) (fieldSite, bool) {
	if len(rest) == 0 {
		return fieldSite{}, false
	}
	k := followKey{typ, strings.Join(rest, ".")}
	if r, ok := ix.followMemo[k]; ok {
		return r.leaf, r.ok
	}
	if ix.followMemo == nil {
		ix.followMemo = map[followKey]followResult{}
	}
	ix.followMemo[k] = followResult{} // a cycle back to here finds nothing
	var r followResult
	for _, g := range ix.fieldsOf(typ, depth+1) {
		if strings.EqualFold(g.Key, rest[0]) {
			if leaf, ok := ix.followPath(g, rest[1:], depth+1); ok {
				r = followResult{leaf, true}
				break
			}
		}
	}
	ix.followMemo[k] = r
	return r.leaf, r.ok
}

// fieldsOf lists the keys of a structure, with those of inlined structures.
func (ix *Index) fieldsOf(typ string, depth int) []fieldSite {
	if typ == "" || depth > maxDepth {
		return nil
	}
	if fs, ok := ix.fieldsMemo[typ]; ok {
		return fs
	}
	if ix.fieldsMemo == nil {
		ix.fieldsMemo = map[string][]fieldSite{}
	}
	ix.fieldsMemo[typ] = nil // a structure that inlines itself adds nothing more
	var out []fieldSite
	for _, f := range ix.owners[typ] {
		if f.Inline {
			out = append(out, ix.fieldsOf(f.Type, depth+1)...)
			continue
		}
		out = append(out, f)
	}
	ix.fieldsMemo[typ] = out
	return out
}

// envForm is how name builders turn a key into an env var suffix:
// upper case, with dots and dashes as underscores.
func envForm(key, nest, dash string) string {
	key = strings.ReplaceAll(key, ".", nest)
	key = strings.ReplaceAll(key, "-", dash)
	return strings.ToUpper(key)
}

// splitCamel puts an underscore between the words of a camelCase name:
// disableExec is disable_Exec, which envForm makes DISABLE_EXEC.
func splitCamel(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' && i > 0 && (name[i-1] >= 'a' && name[i-1] <= 'z' || name[i-1] >= '0' && name[i-1] <= '9') {
			b.WriteByte('_')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// dash is what a derivation makes of a dash in a source name.
func (d Derivation) dash() string {
	if d.DropDashes {
		return ""
	}
	return "_"
}

// derived finds the env vars the code builds from config keys or flags.
func (ix *Index) derived(name string) []Evidence {
	upper := strings.ToUpper(name)
	var out []Evidence
	for _, d := range ix.derives {
		if d.Kind != Env || !strings.HasPrefix(upper, d.Prefix) || len(upper) == len(d.Prefix) {
			continue
		}
		if d.Case == "upper" && name != upper || d.Case == "lower" && name != strings.ToLower(name) {
			continue
		}
		rest := upper[len(d.Prefix):]
		// keys read by name (viper.GetInt("a.b")) join their segments with
		// the nesting separator, or "_" when the library has none
		sep := d.Nest
		if sep == "" {
			sep = "_"
		}
		via := d.Via
		if d.Prefix != "" {
			via += " (prefix " + d.Prefix + ")"
		}
		switch d.From {
		case Config:
			if d.Scope == "" {
				for k, evs := range ix.reads {
					if k.kind == Config && (envForm(k.name, sep, d.dash()) == rest || d.SplitWords && len(evs) > 0 && envForm(splitCamel(evs[0].Name), sep, d.dash()) == rest) {
						for _, e := range evs {
							out = append(out, Evidence{Pos: e.Pos, Name: e.Name, Via: "config key " + e.Name + " read through " + via, Strength: Read})
						}
					}
				}
			}
			if d.FieldNames {
				out = append(out, ix.namedByFields(d, rest)...)
				continue
			}
			for _, f := range ix.envFields(d.Scope, rest, d.Nest, d.dash(), 0) {
				out = append(out, Evidence{Pos: f.pos, Name: f.Key, Via: "field " + f.Key + " of " + f.Owner + " read through " + via, Strength: Read})
			}
		case Env:
			for _, f := range ix.envTagged(d.Scope, rest, 0) {
				out = append(out, Evidence{Pos: f.pos, Name: f.Env, Via: fmt.Sprintf("env tag %s of %s, prefixed by %s", f.Env, f.Owner, via), Strength: Read})
			}
		case Flag:
			for k, evs := range ix.reads {
				if k.kind == Flag && envForm(k.name, sep, d.dash()) == rest {
					for _, e := range evs {
						out = append(out, Evidence{Pos: e.Pos, Name: "--" + e.Name, Via: "flag --" + e.Name + " read through " + via, Strength: Read})
					}
				}
			}
		}
	}
	return out
}

// envTagged finds the env-tagged fields of scope whose name is rest, and
// those of nested structures whose holding field adds its own prefix
// (go-flags' env-namespace, kong's envprefix): BOLT_TIMEOUT in StoreGroup
// is Bolt's TIMEOUT when Bolt has the prefix BOLT_.
func (ix *Index) envTagged(scope, rest string, depth int) []fieldSite {
	if depth > maxDepth {
		return nil
	}
	var out []fieldSite
	for _, f := range ix.fieldsOf(scope, depth) {
		if f.Env != "" && strings.EqualFold(f.Env, rest) {
			out = append(out, f)
		}
		if p := f.EnvPrefix; p != "" && f.Type != "" && len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
			out = append(out, ix.envTagged(f.Type, rest[len(p):], depth+1)...)
		}
	}
	return out
}

// envFields walks config structures for a field chain whose env form is
// rest: RETRY_MAX_ATTEMPTS matches retry → max_attempts with nest "_".
// An empty scope starts from every structure; an empty nest matches
// top-level fields only (the library does not address nested ones).
func (ix *Index) envFields(scope, rest, nest, dash string, depth int) []fieldSite {
	if depth > maxDepth {
		return nil
	}
	var start []fieldSite
	if scope == "" {
		for _, fs := range ix.owners {
			start = append(start, fs...)
		}
	} else {
		start = ix.fieldsOf(scope, depth)
	}
	var out []fieldSite
	for _, f := range start {
		if f.Inline {
			continue // its keys are listed under the owner by fieldsOf, or under its own type
		}
		k := envForm(f.Key, nest, dash)
		switch {
		case rest == k:
			out = append(out, f)
		case nest != "" && f.Type != "" && strings.HasPrefix(rest, k+nest):
			out = append(out, ix.envFields(f.Type, rest[len(k)+len(nest):], nest, dash, depth+1)...)
		}
	}
	return out
}

// dynamicFor returns the run-time name builders whose constant parts fit
// name, and, separately, builders with no constant part at all.
func (ix *Index) dynamicFor(kinds []Kind, name string) (fit, unconstrained []Evidence) {
	return ix.dynamicForClaim(kinds, name, nil)
}

// dynamicForClaim is dynamicFor for one claim: an option loop that passes
// unknown options on counts only for the program it is (forwardsFor).
func (ix *Index) dynamicForClaim(kinds []Kind, name string, c *Claim) (fit, unconstrained []Evidence) {
	for _, d := range ix.dynamic {
		if !hasKind(kinds, d.Kind) || d.FromNames || c != nil && d.PassesOn && !ix.forwardsFor(d, *c) {
			continue // a case-changing builder builds only the names builtFromNames finds
		}
		ev := Evidence{Pos: d.pos, Name: d.Prefix + "*" + d.Suffix, Via: d.Via, Strength: Read}
		if d.Prefix == "" && d.Suffix == "" {
			unconstrained = append(unconstrained, ev)
			continue
		}
		if len(name) > len(d.Prefix)+len(d.Suffix) && strings.HasPrefix(name, d.Prefix) && strings.HasSuffix(name, d.Suffix) {
			fit = append(fit, ev)
		}
	}
	return fit, unconstrained
}

func hasKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// ownsCommand reports whether a command line's program is one of this
// repository's: a program it defines, or a file or program directory in it.
func (ix *Index) ownsCommand(cmd string) bool {
	if cmd == "" || cmd == OwnProgram {
		return true
	}
	if known.Wrapper(ProgramName(cmd)) {
		return false // ./gradlew runs Gradle, whatever the repository builds
	}
	// a path runs the file or directory it names (./scripts/deploy.sh,
	// bin/app); a bare word runs a program on the PATH, whatever
	// directory shares its name (gogs's docker/ of container scripts is
	// not docker)
	clean := path.Clean(strings.TrimPrefix(cmd, "./"))
	if strings.Contains(cmd, "/") && (ix.files[clean] || ix.progDirs[clean]) {
		return true
	}
	name := ProgramName(cmd)
	if _, ok := ix.programs[name]; ok {
		return true
	}
	// a program named X-cli is the command line of X, and its help is
	// printed as X's (webpack-cli answers "webpack --help")
	_, ok := ix.programs[name+"-cli"]
	return ok
}

// scriptNamedLikeOther reports whether a program is only a script named
// after a well-known program (fstest/testserver/init.d/docker.bash): a
// helper that runs that program, not its command line. A program declared
// in a manifest or with a main function keeps its name (docker's own
// cmd/docker), and so does a script at the root or in bin/ (brew's
// bin/brew).
func scriptNamedLikeOther(p Program, file string) bool {
	if p.Via != "shell script" && p.Via != "#! script" {
		return false
	}
	switch path.Dir(file) {
	case ".", "bin", "exe", "sbin", "libexec":
		return false // Homebrew's bin/brew is brew
	}
	_, other := known.Program(p.Name)
	return other
}

// OwnProgram is the command of a claim made on a line that runs the
// repository's own program without naming it: cargo run -- --flag,
// dotnet run -- --flag.
const OwnProgram = "."

// ProgramName reduces a command to the name a program is known by:
// ./bin/app.exe → app, tools/gen.py → gen.
func ProgramName(cmd string) string {
	base := path.Base(strings.ReplaceAll(cmd, `\`, "/"))
	for _, ext := range []string{".exe", ".py", ".js", ".mjs", ".cjs", ".ts", ".sh", ".phar"} {
		if t, ok := strings.CutSuffix(base, ext); ok && t != "" {
			return t
		}
	}
	return base
}

// honouredBy finds a declared dependency that reads an env var or config
// key itself.
func (ix *Index) honouredBy(name string) (string, Evidence, bool) {
	libs, aliases := known.Library(name)
	for i, lib := range libs {
		for _, a := range aliases[i] {
			if prefix, ok := strings.CutSuffix(a, "*"); ok {
				if e, ok := ix.depWithPrefix(prefix); ok {
					return lib, e, true
				}
				continue
			}
			if e, ok := ix.deps[a]; ok {
				return lib, e, true
			}
		}
	}
	return "", Evidence{}, false
}

// depWithPrefix is the first declared dependency, by name, that starts
// with prefix.
func (ix *Index) depWithPrefix(prefix string) (Evidence, bool) {
	best, found := "", false
	for name := range ix.deps {
		if strings.HasPrefix(name, prefix) && (!found || name < best) {
			best, found = name, true
		}
	}
	return ix.deps[best], found
}

// Implemented is one name the code reads, and where it reads it first,
// for an inventory of what the code implements.
type Implemented struct {
	Kind Kind
	Name string
	At   Evidence
	// Sites counts every place that reads it.
	Sites int
	// Own marks a knob of this repository's: a flag, a config key, a
	// feature flag, or an env var with the repository's prefix or a
	// program's; other env vars the code reads (BAT_THEME, COMP_CWORD)
	// may be other programs'.
	Own bool
}

// Implemented lists every env var, flag, config key and feature flag the
// code reads (tests and mentions aside), sorted by kind and name.
func (ix *Index) Implemented() []Implemented {
	var out []Implemented
	prefixes := append(ix.envPrefixes(), ix.programPrefixes()...)
	for k, evs := range ix.reads {
		if len(evs) == 0 {
			continue
		}
		// the earliest site, preferring one outside test directories: a
		// knob read by the code and by its tests is the code's
		first := evs[0]
		for _, e := range evs[1:] {
			if TestPath(first.Pos.File) && !TestPath(e.Pos.File) || TestPath(first.Pos.File) == TestPath(e.Pos.File) && e.Pos.Before(first.Pos) {
				first = e
			}
		}
		out = append(out, Implemented{Kind: k.kind, Name: first.Name, At: first, Sites: len(evs), Own: k.kind != Env || hasAnyPrefix(first.Name, prefixes)})
	}
	read := map[string]bool{}
	for _, im := range out {
		if im.Kind == Config {
			read[strings.ToLower(im.Name)] = true
		}
	}
	for _, im := range ix.structureKeys() {
		if !read[strings.ToLower(im.Name)] {
			out = append(out, im)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// maxStructureKeys bounds the keys structureKeys lists: a schema of
// thousands of keys is listed in part rather than slowing every run.
const maxStructureKeys = 5000

// structureKeys lists the config keys the code's config structures
// define, as dotted paths from each top structure (one no other
// structure holds): Config{Retry Retry} with Retry{MaxAttempts} gives
// retry.max_attempts. A map's keys are the user's, so a path stops at
// the map; names that only a nested declaration has are left out.
func (ix *Index) structureKeys() []Implemented {
	held := map[string]bool{}
	for owner, fs := range ix.owners {
		for _, f := range fs {
			if f.Type != "" && f.Type != owner {
				held[f.Type] = true
			}
		}
	}
	var tops []string
	for owner := range ix.owners {
		if !held[owner] {
			tops = append(tops, owner)
		}
	}
	sort.Strings(tops)
	// a field read from an env tag is an env var, not a key of the file
	// (DatabaseURL `env:"API_DATABASE_URL"`), whatever the loader allows
	envOnly := map[Pos]bool{}
	for _, fs := range ix.owners {
		for _, f := range fs {
			if f.Env != "" {
				envOnly[f.pos] = true
			}
		}
	}
	var out []Implemented
	seen := map[string]bool{}
	var walk func(typ, prefix string, depth int, onPath map[string]bool)
	walk = func(typ, prefix string, depth int, onPath map[string]bool) {
		if depth > 6 || onPath[typ] || len(out) >= maxStructureKeys {
			return
		}
		onPath[typ] = true
		defer delete(onPath, typ)
		for _, f := range ix.fieldsOf(typ, 0) {
			if f.Key == "" || f.Nested || envOnly[f.pos] || TestPath(f.pos.File) || ix.dependencyType(f) {
				continue
			}
			key := f.Key
			if prefix != "" {
				key = prefix + "." + f.Key
			}
			// a section is documented by its keys (redis.addr documents
			// redis): only leaves are listed, and maps, whose keys are the user's
			section := !f.Map && f.Type != "" && f.Type != AnyStructure && len(ix.fieldsOf(f.Type, 0)) > 0
			if low := strings.ToLower(key); !section && !seen[low] && len(out) < maxStructureKeys {
				seen[low] = true
				out = append(out, Implemented{Kind: Config, Name: key, At: Evidence{Pos: f.pos, Name: key, Via: f.Via, Strength: Read}, Sites: 1, Own: true})
			}
			if section {
				walk(f.Type, key, depth+1, onPath)
			}
		}
	}
	for _, t := range tops {
		walk(t, "", 0, map[string]bool{})
	}
	return out
}

// hasAnyPrefix reports whether name starts with one of prefixes.
func hasAnyPrefix(name string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// TestPath reports a file that holds tests by the conventions of the
// languages docverify reads: under a test-like directory (test, tests,
// testdata, testing, spec, specs, __tests__, e2e, fixtures), or named
// like x_test.go, test_x.py, x.test.ts, x_spec.rb, XTest.java.
func TestPath(p string) bool {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		switch seg {
		case "test", "tests", "testdata", "testing", "spec", "specs", "__tests__", "e2e", "fixtures":
			return true
		}
	}
	base := path.Base(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	return strings.HasPrefix(stem, "test_") || strings.HasSuffix(stem, "_test") || strings.HasSuffix(stem, ".test") ||
		strings.HasSuffix(stem, ".spec") || strings.HasSuffix(stem, "_spec") || strings.HasSuffix(stem, "Test") || strings.HasSuffix(stem, "Tests")
}
