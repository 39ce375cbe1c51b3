// Package known holds the names that belong to other programs: environment
// variables of operating systems, shells, CI providers, language toolchains
// and cloud SDKs, and the command-line programs whose flags docs quote. A
// claim of one of these names says nothing about the repository being
// checked, unless its own code reads the name too.
//
// The lists are data (env.txt, programs.txt, libraries.txt), one entry a
// line with the owner it belongs to, so that adding a name is a one-line
// change reviewed like any other.
package known

import (
	_ "embed"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:embed env.txt
var envData string

//go:embed configkeys.txt
var configKeyData string

//go:embed programs.txt
var programData string

//go:embed libraries.txt
var libraryData string

//go:embed configfiles.txt
var configFileData string

//go:embed dochosts.txt
var docHostData string

//go:embed flagparsers.txt
var flagParserData string

//go:embed configsegments.txt
var configSegmentData string

type pattern struct {
	prefix bool // the entry ended in *: match names that start with it
	suffix bool // the entry started with *: match names that end with it
	text   string
	owner  string
}

func (p pattern) matches(name string) bool {
	switch {
	case p.prefix:
		return strings.HasPrefix(name, p.text)
	case p.suffix:
		return strings.HasSuffix(name, p.text) && len(name) > len(p.text)
	}
	return name == p.text
}

var (
	loadOnce sync.Once
	envExact map[string]string
	envPref  []pattern
	programs map[string]string
	tools    map[string]bool
	// distinctive are the programs whose names are not also everyday
	// words, so that naming one in a sentence means the program.
	distinctive map[string]bool
	libs        []library
	configFiles []pattern // text is a glob, owner the tool
	docHosts    map[string]string
	flagParsers map[string]map[string]bool // package → what it accepts
	configSegs  map[string]string          // segment → owner
	snippetSegs map[string]bool            // segments whose owner owns the whole snippet
)

// distinctiveGroups are the groups of programs.txt whose names, outside
// everyday, mean the program when a sentence says them.
var distinctiveGroups = map[string]bool{"a container tool": true, "a Kubernetes tool": true, "a cloud CLI": true,
	"a version-control tool": true, "a package manager or build tool": true, "a JavaScript runtime": true, "a web browser": true,
	wrapperGroup: true, "a signing or supply-chain tool": true, "a test or lint tool": true,
	"a profiler or debugger": true, "a tunnel or sharing tool": true, "a CMS command line": true}

// ownEnvGroups are the groups of programs.txt whose programs do not run
// the repository's code: a variable set on their command line
// (COSIGN_EXPERIMENTAL=1 cosign verify, PKG_CONFIG_PATH=… pkg-config) is
// theirs. Runners (npm, node, cargo, make, pytest, env, sudo) pass it on
// to the project's code, so their groups are not here.
var ownEnvGroups = map[string]bool{"a Kubernetes tool": true, "a cloud CLI": true, "a version-control tool": true,
	"a web browser": true, "a signing or supply-chain tool": true, "a build or packaging tool of C and C++ projects": true}

// ReadsItsCommandLineEnv reports whether a variable set on a program's
// command line is that program's own, not passed on to the repository's
// code.
func ReadsItsCommandLineEnv(name string) bool {
	what, ok := Program(name)
	return ok && ownEnvGroups[what]
}

// flagPlatformGroup is the group of programs.txt whose programs serve
// feature flags: in their own repositories, the flags the docs name are
// their users' (examples of flags one defines), not flags the code reads.
const flagPlatformGroup = "a feature-flag platform"

// FlagPlatform reports whether a program is a feature-flag platform.
func FlagPlatform(name string) bool {
	what, ok := Program(name)
	return ok && what == flagPlatformGroup
}

// wrapperGroup is the group of programs.txt whose scripts are committed
// into the repositories that use them (./gradlew, ./mvnw): such a file
// is the build tool's, never the repository's own program.
const wrapperGroup = "a build tool's wrapper script"

// everyday are program names that are also words of ordinary prose.
var everyday = map[string]bool{"go": true, "make": true, "bundle": true, "gem": true, "composer": true, "ant": true,
	"apt": true, "snap": true, "kind": true, "hub": true, "uv": true, "bun": true, "compose": true, "brew": true,
	"black": true, "prettier": true, "nox": true}

// library is one entry of libraries.txt.
type library struct {
	header  string // the "== ..." line it was declared by
	name    string
	aliases []string // as manifests declare it, normalised
	vars    []pattern
}

var configKeys map[string]string

func load() {
	configSegs, snippetSegs = map[string]string{}, map[string]bool{}
	for _, p := range parse(configSegmentData) {
		owner, scope, _ := strings.Cut(p.owner, " | ")
		configSegs[p.text] = owner
		snippetSegs[p.text] = scope == "snippet"
	}
	flagParsers = map[string]map[string]bool{}
	for _, line := range strings.Split(flagParserData, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		flagParsers[f[0]] = map[string]bool{}
		for _, w := range f[1:] {
			flagParsers[f[0]][w] = true
		}
	}
	envExact = map[string]string{}
	configKeys = map[string]string{}
	configKeyPatterns = nil
	for _, p := range parse(configKeyData) {
		if p.prefix {
			p.text += "*" // matched by segments below, not as a prefix
		}
		if strings.Contains(p.text, "*") {
			configKeyPatterns = append(configKeyPatterns, p)
			continue
		}
		configKeys[p.text] = p.owner
	}
	closedFamilies = map[string]string{}
	envList = parse(envData)
	owner := ""
	for _, line := range strings.Split(envData, "\n") {
		line = strings.TrimSpace(line)
		if o, ok := strings.CutPrefix(line, "== "); ok {
			owner = o
		} else if p, ok := strings.CutPrefix(line, "!complete "); ok {
			closedFamilies[strings.TrimSpace(p)] = owner
		}
	}
	for _, p := range parse(envData) {
		if p.prefix {
			envPref = append(envPref, p)
		} else {
			envExact[p.text] = p.owner
		}
	}
	programs = map[string]string{}
	tools = map[string]bool{}
	daemons = map[string]bool{}
	distinctive = map[string]bool{}
	for _, p := range parse(programData) {
		programs[p.text] = p.owner
		if p.owner == "a tool with configuration files of its own" || p.owner == daemonGroup {
			tools[p.text] = true
		}
		if p.owner == daemonGroup {
			daemons[p.text] = true
		}
		if distinctiveGroups[p.owner] && !everyday[p.text] {
			distinctive[p.text] = true
		}
	}
	configFiles = parse(configFileData)
	docHosts = map[string]string{}
	for _, p := range parse(docHostData) {
		docHosts[p.text] = p.owner
	}
	for _, p := range parse(libraryData) {
		if len(libs) == 0 || libs[len(libs)-1].header != p.owner {
			names := strings.Fields(p.owner)
			l := library{header: p.owner, name: strings.TrimSuffix(names[0], "*")}
			for _, n := range names {
				alias := NormalizeDependency(strings.TrimSuffix(n, "*"))
				if strings.HasSuffix(n, "*") {
					alias += "*"
				}
				l.aliases = append(l.aliases, alias)
			}
			libs = append(libs, l)
		}
		libs[len(libs)-1].vars = append(libs[len(libs)-1].vars, p)
	}
}

// NormalizeDependency is the form dependency names are compared in:
// lower case, with runs of -, _ and . as one - (as PyPI compares them).
func NormalizeDependency(name string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(name) {
		if r == '-' || r == '_' || r == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}

// Library reports the libraries that read an env var or config key, or
// define a flag (written with its dashes), themselves, each with the names
// (normalised) a manifest may declare it by.
func Library(name string) (libraries []string, declaredAs [][]string) {
	loadOnce.Do(load)
	for _, l := range libs {
		for _, v := range l.vars {
			if v.matches(name) {
				libraries = append(libraries, l.name)
				declaredAs = append(declaredAs, l.aliases)
				break
			}
		}
	}
	return libraries, declaredAs
}

// ConfigTool reports whether name is a tool whose configuration docs
// quote (supervisord, nginx, tox): a snippet presented as its config holds
// its keys, not the repository's.
func ConfigTool(name string) bool {
	loadOnce.Do(load)
	return tools[name]
}

// daemonGroup is the group of programs.txt whose config is never part of
// another program's: a snippet under a heading that names one (a
// "Fail2ban" section's jail) is that daemon's file.
const daemonGroup = "a daemon configured by files of its own"

var daemons map[string]bool

// DaemonIn finds the first daemon of daemonGroup a text names, as a whole
// word; "" if none.
func DaemonIn(text string) string {
	loadOnce.Do(load)
	return firstWord(strings.ToLower(text), daemons)
}

// ConfigToolIn finds the first such tool named in a text, as a whole word
// (pre-commit in .pre-commit-config.yaml counts; pre-commits does not).
func ConfigToolIn(text string) string {
	loadOnce.Do(load)
	return firstWord(strings.ToLower(text), tools)
}

// DistinctiveProgramsIn lists the programs named in a text whose names are
// not also common words: git, pip, docker, kubectl — not find, make, watch.
func DistinctiveProgramsIn(text string) []string {
	loadOnce.Do(load)
	low := strings.ToLower(text)
	var out []string
	for name := range distinctive {
		if hasWord(low, name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func firstWord(low string, set map[string]bool) string {
	best, at := "", -1
	for name := range set {
		if i := wordIndex(low, name); i >= 0 && (at < 0 || i < at || i == at && len(name) > len(best)) {
			best, at = name, i
		}
	}
	return best
}

func hasWord(low, w string) bool { return wordIndex(low, w) >= 0 }

// wordIndex finds w in low with no letter or digit on either side.
func wordIndex(low, w string) int {
	for i := 0; ; {
		j := strings.Index(low[i:], w)
		if j < 0 {
			return -1
		}
		j += i
		before := j == 0 || !isAlnum(low[j-1])
		after := j+len(w) == len(low) || !isAlnum(low[j+len(w)])
		if before && after {
			return j
		}
		i = j + 1
	}
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// parse reads "NAME  owner words" lines; # starts a comment line, and a
// line that is only "== owner" sets the owner for the lines after it.
func parse(data string) []pattern {
	var out []pattern
	owner := ""
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "!") {
			continue // a directive ("!complete XDG_") is read by its own table
		}
		if o, ok := strings.CutPrefix(line, "== "); ok {
			owner = strings.TrimSpace(o)
			continue
		}
		for _, name := range strings.Fields(line) {
			p := pattern{text: name, owner: owner}
			if t, ok := strings.CutSuffix(name, "*"); ok {
				p.prefix, p.text = true, t
			} else if t, ok := strings.CutPrefix(name, "*"); ok {
				p.suffix, p.text = true, t
			}
			out = append(out, p)
		}
	}
	return out
}

// ConfigKey reports whether name is a well-known config key of another
// program (git's core.quotepath), and whose.
func ConfigKey(name string) (owner string, ok bool) {
	loadOnce.Do(load)
	if owner, ok = configKeys[name]; ok {
		return owner, ok
	}
	for _, p := range configKeyPatterns {
		if segmentsMatch(strings.Split(p.text, "."), strings.Split(name, ".")) {
			return p.owner, true
		}
	}
	return "", false
}

// configKeyPatterns are the keys of configkeys.txt with a * segment, which
// stands for any one segment the user names (steps.*.outputs: a GitHub
// Actions step's id); a * at the end stands for one or more.
var configKeyPatterns []pattern

func segmentsMatch(pat, segs []string) bool {
	for i, p := range pat {
		switch {
		case i >= len(segs):
			return false
		case p == "*" && i == len(pat)-1:
			return true
		case p != "*" && p != segs[i]:
			return false
		}
	}
	return len(pat) == len(segs)
}

// ConfigSegmentOwner finds the program whose schema a config key's path
// belongs to by one of its segments (valueFrom, extraVolumes: Kubernetes
// and Helm charts), "" if none.
func ConfigSegmentOwner(key string) string {
	loadOnce.Do(load)
	for _, seg := range strings.Split(key, ".") {
		if o, ok := configSegs[seg]; ok {
			return o
		}
		if o, ok := configSegs[typedSection(seg)]; ok {
			return o
		}
	}
	return ""
}

// typedSection is the type of a section named "type:name", as supervisord
// writes [program:web] and [group:workers]: "program:". The list names
// the type, since the name after it is the user's. "" for other segments.
func typedSection(seg string) string {
	if i := strings.IndexByte(seg, ':'); i > 0 && i < len(seg)-1 {
		return seg[:i+1]
	}
	return ""
}

// SnippetOwner is the program whose file a config snippet is, known from
// one of its keys (any key at any depth, leaf or section): before_script
// makes a snippet GitLab CI's. "" if no key says so.
func SnippetOwner(keys []string) string {
	loadOnce.Do(load)
	for _, k := range keys {
		if snippetSegs[k] {
			return configSegs[k]
		}
		if t := typedSection(k); t != "" && snippetSegs[t] {
			return configSegs[t]
		}
	}
	return ""
}

// Env reports whether name is a well-known environment variable of another
// program, and whose.
func Env(name string) (owner string, ok bool) {
	loadOnce.Do(load)
	if o, ok := envExact[name]; ok {
		return o, true
	}
	for _, p := range envPref {
		if strings.HasPrefix(name, p.text) {
			return p.owner, true
		}
	}
	return "", false
}

// EnvExact reports whether name is listed as a well-known variable by
// its whole name (HTTPS_PROXY), not by a prefix (POETRY_*): a program of
// the repository named https does not make HTTPS_PROXY its own.
// closedFamilies are the env prefixes whose every variable env.txt
// lists ("!complete XDG_"), with their owner.
var closedFamilies map[string]string

// envList is env.txt's entries in their order.
var envList []pattern

// FamilySlip reports a name with the prefix of a family env.txt lists in
// full that is not one of the family but one slip from a member, as the
// caller's close judges: XDG_HOME for XDG_CONFIG_HOME. It is nobody's
// variable, not the family owner's.
func FamilySlip(name string, close func(a, b string) bool) (member, owner string, ok bool) {
	loadOnce.Do(load)
	for prefix, o := range closedFamilies {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		if _, listed := envExact[name]; listed {
			return "", "", false
		}
		// the first close member in the list's order, which puts the
		// common ones first (XDG_CONFIG_HOME before XDG_BIN_HOME)
		for _, p := range envList {
			if !p.prefix && p.owner == o && strings.HasPrefix(p.text, prefix) && close(name, p.text) {
				return p.text, o, true
			}
		}
		return "", "", false
	}
	return "", "", false
}

// NearKey finds the well-known config key or env var of another program
// one slip from name (one letter added, dropped, changed or two swapped,
// case aside): git's core.excludesFile for a doc's core.exludesFile. It
// returns the real name and its owner; ok is false if there is none or
// more than one.
func NearKey(name string, oneTypo func(a, b string) bool) (real, owner string, ok bool) {
	loadOnce.Do(load)
	low := strings.ToLower(name)
	for _, m := range []map[string]string{configKeys, envExact} {
		for k, o := range m {
			if d := len(k) - len(name); d < -1 || d > 1 || strings.EqualFold(k, name) || !oneTypo(low, strings.ToLower(k)) {
				continue
			}
			if ok && !strings.EqualFold(real, k) {
				return "", "", false // two names as near: no telling which was meant
			}
			real, owner, ok = k, o, true
		}
	}
	return real, owner, ok
}

func EnvExact(name string) bool {
	loadOnce.Do(load)
	_, ok := envExact[name]
	return ok
}

// FlagParser reports what a command-line parser package accepts beyond
// the spelling the code defines ("case", "negation", "dots"), nil if it is
// not listed.
func FlagParser(pkg string) map[string]bool {
	loadOnce.Do(load)
	return flagParsers[pkg]
}

// FlagParsers lists the parser packages of flagparsers.txt.
func FlagParsers() []string {
	loadOnce.Do(load)
	out := make([]string, 0, len(flagParsers))
	for p := range flagParsers {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Program reports whether name is a well-known program that is not part of
// the repository being checked (docker, kubectl, git), and what it is.
func Program(name string) (what string, ok bool) {
	loadOnce.Do(load)
	what, ok = programs[name]
	return what, ok
}

// toolchainGroups are the groups of programs.txt whose programs other
// tools run on the user's behalf: "ddev composer require --dev" runs
// Composer inside ddev's container, so its flags are Composer's.
var toolchainGroups = map[string]bool{"a package manager or build tool": true, "a language runtime or compiler": true,
	"a JavaScript runtime": true, "a test or lint tool": true, "a CMS command line": true,
	// "lima nerdctl run --privileged", "colima kubectl get pods": a VM or
	// sandbox manager runs the container tool inside it
	"a container tool": true, "a Kubernetes tool": true}

// Toolchain reports whether a program is a package manager, build tool,
// runtime or test tool that a command may run as its first argument.
func Toolchain(name string) bool {
	what, ok := Program(name)
	return ok && toolchainGroups[what]
}

// Wrapper reports whether a program name is a build tool's wrapper
// script, which repositories commit though it is not theirs.
func Wrapper(name string) bool {
	what, ok := Program(name)
	return ok && what == wrapperGroup
}

// ProgramNamedIn reports whether a lower-cased text names the program
// name as a word.
func ProgramNamedIn(low, name string) bool {
	if name == "" {
		return false
	}
	// gogs in GOGS_DATABASE_PASSWORD is a part of a variable's name, not
	// the program named: an underscore joins, as a letter does
	for i := 0; ; {
		j := wordIndex(low[i:], name)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || low[j-1] != '_') && (j+len(name) == len(low) || low[j+len(name)] != '_') {
			return true
		}
		i = j + 1
	}
}

// fileTokenRE finds file-like tokens in text: names with a dot or a slash.
var fileTokenRE = regexp.MustCompile(`[\w.@/<>-]*\.[\w.*-]+`)

// ConfigFileOwnerIn finds a config file of a known tool named in a text
// ("Update your coc-settings.json"), and returns the tool.
func ConfigFileOwnerIn(text string) string {
	loadOnce.Do(load)
	for _, tok := range fileTokenRE.FindAllString(text, -1) {
		base := tok[strings.LastIndexByte(tok, '/')+1:]
		for _, p := range configFiles {
			full := p.text
			if p.prefix {
				full += "*"
			}
			if ok, _ := path.Match(full, base); ok || strings.Contains(full, "/") && pathTailMatch(full, tok) {
				return p.owner
			}
		}
	}
	return ""
}

// pathTailMatch matches a pattern with directories against the same
// number of trailing segments of a path: .github/workflows/*.yml against
// .github/workflows/azure-static-web-apps-<RANDOM_NAME>.yml.
func pathTailMatch(pattern, p string) bool {
	n := strings.Count(pattern, "/") + 1
	segs := strings.Split(p, "/")
	if len(segs) < n {
		return false
	}
	ok, _ := path.Match(pattern, strings.Join(segs[len(segs)-n:], "/"))
	return ok
}

// DocHost reports whose names a documentation site documents: a link to
// nodejs.org is about node.
func DocHost(host string) (string, bool) {
	loadOnce.Do(load)
	owner, ok := docHosts[strings.TrimPrefix(strings.ToLower(host), "www.")]
	if !ok {
		owner, ok = docHosts[strings.ToLower(host)]
	}
	return owner, ok
}
