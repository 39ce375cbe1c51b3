package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/docverify/docverify/extract/cues"
	"github.com/docverify/docverify/extract/names"
	"github.com/docverify/docverify/extract/shellcmd"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/known"
)

func cuesNameWords(name string) string { return cues.NameWords(name) }

func has(m *cues.Matcher, text string) bool {
	_, ok := m.Find(text)
	return ok
}

// maxSetBefore is how far before a name "set the" may start, and
// maxSetAfter how far after it "to" or "=" may be.
const (
	maxSetBefore = 48
	maxSetAfter  = 48
)

// varsAfter reports "variables" after the name that ends at end, past
// the commas, "and"s and masked names of the list it is in:
// varsAfterRE on the rest of the sentence from end. Where the list's
// separators stop is found once per sentence, so a list of a thousand
// names is not read a thousand times.
func (e *extractor) varsAfter(b block, ss, end int) bool {
	_, se := b.sentence(ss)
	stops := memo(&e.stopMemo, b.masked[ss:se], func() []int32 { return listStops(b.masked[ss:se]) })
	i := end - ss
	if i < 0 || i > len(stops) {
		return false
	}
	from := len(stops)
	if i < len(stops) {
		from = int(stops[i])
	}
	// from the last separator before the stop, so that the pattern's
	// own separators match as before
	return varsAfterRE.MatchString(b.masked[ss+max(i, from-1) : ss+min(se-ss, from+maxSetAfter)])
}

// listStops gives, for each offset of a sentence, the first offset at or
// after it that is not a list's separator: white space, a comma, or the
// word "and" or "or".
func listStops(s string) []int32 {
	stops := make([]int32, len(s))
	next := int32(len(s))
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
		case conjunctionAt(s, i):
		default:
			next = int32(i)
		}
		stops[i] = next
	}
	return stops
}

// conjunctionAt reports whether offset i is inside a whole word "and" or
// "or", in any case.
func conjunctionAt(s string, i int) bool {
	for _, w := range []string{"and", "or"} {
		for start := max(0, i-len(w)+1); start <= i && start+len(w) <= len(s); start++ {
			if strings.EqualFold(s[start:start+len(w)], w) && (start == 0 || !isNameByte(s[start-1])) && (start+len(w) == len(s) || !isNameByte(s[start+len(w)])) {
				return true
			}
		}
	}
	return false
}

// wordsBefore is the end of text, at most n bytes and starting at a word:
// what a pattern anchored at the end needs, without the sentence before
// it (a regexp anchored at the end still reads from the start).
func wordsBefore(text string, n int) string {
	if len(text) <= n {
		return text
	}
	i := len(text) - n
	for i < len(text) && isNameByte(text[i-1]) {
		i++
	}
	return text[i:]
}

// sentenceKey is a question asked of a whole sentence.
type sentenceKey struct {
	what     any // a *cues.Matcher or a *regexp.Regexp
	sentence string
}

// sentenceHas is has(m, sentence), answered once per sentence: each of
// its claims asks it.
func (e *extractor) sentenceHas(m *cues.Matcher, sentence string) bool {
	return memo(&e.sentenceMemo, sentenceKey{m, sentence}, func() bool { return has(m, sentence) })
}

// sentenceMatches is re.MatchString(sentence), answered once per sentence.
func (e *extractor) sentenceMatches(re *regexp.Regexp, sentence string) bool {
	return memo(&e.sentenceMemo, sentenceKey{re, sentence}, func() bool { return re.MatchString(sentence) })
}

// possessiveRE finds a possessive right before a claim: "pydantic's `env_prefix`".
var possessiveRE = regexp.MustCompile(`([A-Za-z][\w.-]*)(?:'s|’s)\s*$`)

// componentEnvRE is "in the Agent's environment", "to the Worker's
// configuration": a capitalised name's environment or configuration.
var componentEnvRE = regexp.MustCompile(`\b(?:in|to|on|for|of) the ([A-Z][A-Za-z0-9-]+)(?:'s|’s) (?:environment|configuration|config(?:uration)? files?|settings)\b`)

// ownerOf finds another program that the text near a claim attributes it
// to: "docker's --rm", "the kubectl flag --namespace". verify decides
// whether that program is the repository's own.
func ownerOf(near string) string {
	// "set `X=1` in the Agent's environment": a component the sentence
	// names by its proper name, whose environment or configuration the
	// name belongs to, known program or not
	if m := componentEnvRE.FindStringSubmatch(near); m != nil && !genericNouns[strings.ToLower(m[1])] {
		return strings.ToLower(m[1])
	}
	for _, m := range ownerRE.FindAllStringSubmatch(near, -1) {
		if genericNouns[strings.ToLower(m[1])] {
			continue // "the service's" is a noun, not the service(8) command
		}
		if _, ok := known.Program(strings.ToLower(m[1])); ok {
			return strings.ToLower(m[1])
		}
	}
	return ""
}

// codeReadRE finds an env read written out as code in a code span:
// `process.env.API_KEY`, `os.Getenv("API_KEY")`, `os.environ["API_KEY"]`.
var codeReadRE = regexp.MustCompile(`process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[["'\x60]([A-Za-z_][A-Za-z0-9_]*)|import\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*)|os\.(?:Getenv|LookupEnv)\("([A-Za-z_][A-Za-z0-9_]*)"|os\.environ(?:\.get)?[\[(]["']([A-Za-z_][A-Za-z0-9_]*)|os\.getenv\(["']([A-Za-z_][A-Za-z0-9_]*)|ENV(?:\.fetch\(|\[)["']([A-Za-z_][A-Za-z0-9_]*)|getenv\(["']([A-Za-z_][A-Za-z0-9_]*)`)

func mentionsEnv(t string) bool {
	return strings.Contains(t, "env") || strings.Contains(t, "ENV") || strings.Contains(t, "Env")
}

// setBeforeRE and setAfterRE find "set X to", "export X", "X = ...".
var (
	setBeforeRE = regexp.MustCompile(`(?i)\b(set|setting|export|exporting|override|overriding)\s+(the\s+)?$`)
	setAfterRE  = regexp.MustCompile(`(?i)^\s*(=|to\b)`)
	// varsAfterRE finds the noun after a name or a list of names (code
	// spans are masked to spaces): "the `NVM_SOURCE`, `NVM_DIR` and
	// `NVM_PROFILE` variables".
	varsAfterRE = regexp.MustCompile(`(?i)^[\s,]*((and|or)\b[\s,]*)*(environment\s+|env\s+)?variables?\b`)
	// envHeadingRE finds a section about environment variables: every
	// upper-snake name under it is one.
	envHeadingRE = regexp.MustCompile(`(?i)\benv(ironment)?\b`)
	cssRE        = regexp.MustCompile(`(?i)\bcss\b|custom propert|stylesheet|\bscss\b|tailwind`)
	settingRE    = regexp.MustCompile(`(?i)\b(setting|config(uration)? (key|option|setting|value)|(config|configuration) file|propert(y|ies))s?\b`)
)

// mystRole reports whether the code span whose content starts at document
// offset off is the target of a MyST role ({doc}`current_style`): a page
// or a reference, not a name.
func mystRole(src []byte, off int) bool {
	i := off - 1
	for i >= 0 && src[i] == '`' {
		i--
	}
	return i >= 0 && i < off-1 && src[i] == '}'
}

// codeSpan reads one code span: a single name, a command line, or an env
// read written as code.
func (e *extractor) codeSpan(content string, off int, b block) {
	t := strings.TrimSpace(content)
	if t == "" || len(t) > 400 || mystRole(e.src, off) {
		return
	}
	off += strings.Index(content, t)
	start := off - b.start
	end := start + len(t)
	// every env read written as code says env, ENV or Getenv
	if mentionsEnv(t) {
		if m := codeReadRE.FindStringSubmatchIndex(t); m != nil {
			for g := 2; g < len(m); g += 2 {
				if m[g] >= 0 {
					name := t[m[g]:m[g+1]]
					if strings.HasSuffix(name, "_") || names.IsPlaceholder(name) {
						return // a prefix, os.Getenv("APP_" + key), or an example, ENV['DD_SOME_VAR']
					}
					j := e.judge(b, start, end, name)
					e.add(verify.Claim{Kind: verify.Env, Name: name, Source: verify.InlineCode, Explicit: true,
						Safety: j.safety, Historical: j.historical, Context: j.context}, off+m[g])
					return
				}
			}
		}
	}
	if m := keyValueRE.FindStringSubmatchIndex(t); m != nil {
		// `ignorePseudoClasses: []`: a key with its value, as a config
		// file writes it. Whose file is open (`fetchDepth: 0` is an Azure
		// pipeline's), so the key is checked only as a misspelling of a
		// name the docs or the code have
		n := len(e.claims)
		e.token(t[m[2]:m[3]], off+m[2], b, start+m[2], start+m[3])
		for i := n; i < len(e.claims); i++ {
			if c := &e.claims[i]; c.Kind == verify.Config && c.Owner == "" {
				c.Explicit, c.Misspelling, c.Safety, c.SafetyStated = false, true, "", ""
			}
		}
		return
	}
	if strings.ContainsAny(t, " \t") {
		e.inlineCommand(t, off, b, start, end)
		return
	}
	if m := envPathRE.FindStringSubmatchIndex(t); m != nil {
		// `$XDG_HOME/rubocop/config.yml`: a path under a variable's value;
		// inferred, as `$WORKSPACE_ROOT/.cargo/config.toml` writes a
		// placeholder so
		name := t[m[2]:m[3]]
		j := e.judge(b, start, end, name)
		e.add(verify.Claim{Kind: verify.Env, Name: name, Source: verify.InlineCode,
			Safety: j.safety, Historical: j.historical, Owner: j.owner, Context: j.context}, off+m[2])
		return
	}
	if parts := strings.Split(t, "/"); len(parts) > 1 && allLongFlags(parts) {
		// `--at-operation/--at-top`: one option's spellings
		at := 0
		for _, f := range parts {
			e.token(f, off+at, b, start+at, start+at+len(f))
			at += len(f) + 1
		}
		return
	}
	if e.endings(t, func(name string, at, width int) { e.token(name, off+at, b, start+at, start+at+width) }) {
		return
	}
	e.token(t, off, b, start, end)
}

// endings claims each name a slash shorthand in t writes (see
// slashEndings) through claim, at the offset and width of its ending in
// t, which is the text its claims carry; false if t is no such shorthand.
func (e *extractor) endings(t string, claim func(name string, at, width int)) bool {
	stem, parts, ok := slashEndings(t)
	if !ok {
		return false
	}
	at := 0
	for i, p := range parts {
		name := p
		if i > 0 {
			name = stem + p
		}
		n := len(e.claims)
		claim(name, at, len(p))
		for k := n; k < len(e.claims); k++ {
			e.claims[k].Text = p
		}
		at += len(p) + 1
	}
	return true
}

// slashEndings reads `BATCH_LIMIT_FREE/PAID/ENTERPRISE` as one name and
// the other endings of its last word: BATCH_LIMIT_PAID and
// BATCH_LIMIT_ENTERPRISE, not the variables PAID and ENTERPRISE. It
// returns the stem (BATCH_LIMIT_) and the parts as written.
func slashEndings(t string) (string, []string, bool) {
	parts := strings.Split(t, "/")
	if len(parts) < 2 || names.Of(parts[0]) != names.UpperSnake {
		return "", nil, false
	}
	for _, p := range parts[1:] {
		if p == "" || strings.Contains(p, "_") || names.Of(p) != names.UpperWord {
			return "", nil, false
		}
	}
	return parts[0][:strings.LastIndexByte(parts[0], '_')+1], parts, true
}

// keyValueRE is a key and its value written as YAML writes them, in a
// code span: "ignorePseudoClasses: []", "retry.max_attempts: 3".
var keyValueRE = regexp.MustCompile(`^([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*):\s+\S`)

// envPathRE is a path that starts with a variable: $XDG_HOME/x, ${APP_DIR}/y.
var envPathRE = regexp.MustCompile(`^\$\{?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\}?/`)

func allLongFlags(parts []string) bool {
	for _, p := range parts {
		if names.Of(p) != names.LongFlag {
			return false
		}
	}
	return true
}

// inlineCommand reads a code span with spaces as a command line:
// `myapp --dry-run`, `FOO=1 make run`, `docker run --rm`.
func (e *extractor) inlineCommand(t string, off int, b block, start, end int) {
	if strings.HasPrefix(t, "-") {
		// a flag with its value, `--port 8080`, or a list of flags
		for _, f := range strings.Fields(t) {
			if strings.HasPrefix(f, "-") {
				i := strings.Index(t, f)
				e.token(f, off+i, b, start+i, start+i+len(f))
			}
		}
		return
	}
	j := e.judge(b, start, end, "")
	for _, cmd := range shellcmd.Parse(t, shellcmd.Script) {
		e.command(cmd, func(o int) int { return off + o }, t, j, verify.InlineCode)
	}
}

// token reads a code span holding one token.
func (e *extractor) token(t string, off int, b block, start, end int) {
	p := names.Split(t)
	name := p.Name
	nameOff := off + p.Offset
	ss, se := b.sentence(start)
	sentence := b.masked[ss:se]
	near := b.around(start, end)
	before := b.masked[ss:start]
	after := b.masked[end:se]
	explicitSet := setBeforeRE.MatchString(wordsBefore(before, maxSetBefore)) || setAfterRE.MatchString(after[:min(len(after), maxSetAfter)])

	c := verify.Claim{Source: verify.InlineCode, Text: name}
	switch names.Of(name) {
	case names.LongFlag:
		if e.sentenceMatches(cssRE, sentence) {
			return // a CSS custom property: --brand-color
		}
		c.Kind, c.Name, c.Explicit = verify.Flag, strings.TrimLeft(name, "-"), true
	case names.SingleDash:
		// -bootstrap-expect, a word joined by dashes after one dash, is a
		// Go or Java style option, whatever the words around it; -rf
		// without a word saying flag may be letters run together
		multiword := len(name) > 3 && name[1] >= 'a' && name[1] <= 'z' && strings.Contains(name[2:], "-") && validFlag(name[1:])
		if !multiword && (!has(flagCue, near) || combinedShorts(name[1:])) {
			return
		}
		c.Kind, c.Name, c.Explicit = verify.Flag, strings.TrimLeft(name, "-"), true
	case names.UpperSnake:
		switch {
		case has(featureCue, near):
			c.Kind, c.Explicit = verify.Feature, true
		case p.Dollar || p.Assigned || explicitSet || has(envCue, near):
			c.Kind, c.Explicit = verify.Env, true
		case e.sentenceHas(featureCue, sentence):
			c.Kind, c.Explicit = verify.Feature, true
		case e.sentenceHas(envCue, sentence) || e.varsAfter(b, ss, end):
			c.Kind, c.Explicit = verify.Env, true
		case e.listTerm(b, start) && has(envCue, e.listLead):
			// "- `STACKDRIVER_LOGGING` - toggles the format" under "the
			// following environment variables:"
			c.Kind, c.Explicit = verify.Env, true
		case names.IsNotAName(name):
			return
		case envHeadingRE.MatchString(e.headingText()):
			c.Kind, c.Explicit = verify.Env, true
		default:
			c.Kind = verify.Env
		}
	case names.UpperWord:
		switch {
		case p.Dollar || p.Assigned || has(envCue, near):
			c.Kind, c.Explicit = verify.Env, true
		case has(featureCue, near) && !names.IsNotAName(name):
			c.Kind, c.Explicit = verify.Feature, true
		default:
			return
		}
	case names.Dotted:
		if e.objects[name[:strings.IndexByte(name, '.')]] {
			return // `embedding_model.supports_text` after a snippet using embedding_model
		}
		if fileNounRE.MatchString(b.masked[min(end+1, len(b.masked)):]) {
			return // a `fipsmodule.cnf` configuration file: the file's name
		}
		switch {
		case classSetting(name) && !has(configKeyCue, near) && !has(featureCue, near) && !fileExts[name[strings.LastIndexByte(name, '.')+1:]]:
			// Authenticator.manage_groups with no word saying it is a
			// setting: a class's attribute, or its traitlets setting;
			// checked only as a misspelling of a name the code has
			c.Kind, c.Misspelling = verify.Config, true
		case isFileOrCode(name) && !((pascalPath(name) || classSetting(name)) && has(configKeyCue, near)):
			return
		case has(featureCue, near):
			c.Kind, c.Explicit = verify.Feature, true
		case p.Assigned || has(configKeyCue, near):
			c.Kind, c.Explicit = verify.Config, true
		case fileLike(name):
			return
		default:
			// `core.exludesFile` in a list of git settings: checked only as
			// a misspelling of a name the docs, the code or a well-known
			// program has
			c.Kind, c.Misspelling = verify.Config, true
		}
	case names.SectionEnv:
		switch {
		case p.Dollar || p.Assigned || explicitSet || has(envCue, near) || has(envCue, sentence):
			c.Kind, c.Explicit = verify.Env, true
		default:
			c.Kind = verify.Env
		}
	case names.PascalWord:
		if !has(featureCue, near) {
			return
		}
		c.Kind, c.Explicit = verify.Feature, true
	case names.LowerWord:
		switch {
		case has(featureCue, near):
			c.Kind, c.Explicit = verify.Feature, true
		case switchAfterRE.MatchString(after) || switchBeforeRE.MatchString(before):
			// "flip the `checkout-v2-killswitch` flag", "set the kill
			// switch `payments-pause`": a switch the reader is told to
			// flip, which code serves from a flag SDK, the environment,
			// a config key or a command-line flag alike
			c.Kind, c.Explicit = verify.Feature, true
		case settingRE.MatchString(near):
			c.Kind, c.Explicit = verify.Config, true
		case strings.Contains(name, "_") && optionAfterRE.MatchString(after):
			// "using the `highlighting_themes_css` option": a name with an
			// underscore is no command-line flag, so its option is a key
			c.Kind, c.Explicit = verify.Config, true
			// "for Neoformat to use it, set the `neoformat_try_node_exe`
			// option": a name that starts with a product the sentence
			// names is that product's option
			if w := name[:strings.IndexByte(name, '_')]; len(w) > 2 && properNounIn(sentence, w) {
				c.Owner = strings.ToLower(w)
			}
		case len(name) >= 8 && strings.ContainsAny(name, "_ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
			// assetInlineLimit: an identifier of any kind, checked only as a
			// misspelling of a name the docs or the code have
			c.Kind, c.Misspelling = verify.Config, true
			c.Term = e.listTerm(b, start)
		case e.listTerm(b, start):
			// "- `failFast`: stop after a failure": a short name, judged
			// only beside the other terms of its list
			c.Kind, c.Misspelling, c.Term = verify.Config, true, true
		default:
			return
		}
	case names.None:
		switch {
		case !plainWordRE.MatchString(name):
			return
		case configKeyAfterRE.MatchString(after):
			// "the `upstream` config key": one word the sentence calls a key
			c.Kind, c.Explicit = verify.Config, true
		case e.listTerm(b, start):
			// "- `tap`: if true, enables the TAP reporter": one word, judged
			// only beside the other terms of its list
			c.Kind, c.Misspelling, c.Term = verify.Config, true, true
		default:
			return
		}
	default:
		return
	}
	if c.Name == "" {
		c.Name = name
	}
	if names.IsPlaceholder(c.Name) {
		return // YOUR_API_KEY, --flag-name, setting-value1 ... setting-valueN
	}
	if c.Kind == verify.Flag && !validFlag(c.Name) {
		return
	}
	if (c.Kind == verify.Flag || c.Kind == verify.Env) && family(before, after) {
		c.Family, c.Explicit = true, false
	}
	j := e.judge(b, start, end, c.Name)
	c.Safety, c.Historical, c.Context = j.safety, j.historical, j.context
	if j.owner != "" {
		c.Owner = j.owner // the sentence's attribution outranks the name's own
	}
	e.add(c, nameOff)
}

// family reports a name whose text before and after make it stand for
// the names that start with it.
func family(before, after string) bool {
	return familyAfterRE.MatchString(after) && !listBeforeRE.MatchString(before)
}

// listBeforeRE ends the text before the last name of a list: the plural
// after it is the list's ("set `API_KEY` and `API_SECRET` variables"
// names two variables, no family).
var listBeforeRE = regexp.MustCompile("(?:,|\\band|\\bor|&|/)\\s*`?$")

// familyAfterRE is a plural right after a name, which makes it stand for
// the names that start with it: "the other `--crt` options", "the
// `AWS_S3` variables"; "the `--crt` option" is one name.
var familyAfterRE = regexp.MustCompile(`^\s*(?:options|flags|switches|settings|variables|env vars|environment variables|vars)\b`)

// configKeyAfterRE is "config key" right after a name: "the `upstream`
// config key", "`retries` configuration setting".
var configKeyAfterRE = regexp.MustCompile(`^\s*(config|configuration)\s+(key|setting|option|field)s?\b`)

// optionAfterRE is "option" right after a name: "the `x_y` option".
var optionAfterRE = regexp.MustCompile(`^\s*(option|parameter)s?\b`)

// switchAfterRE and switchBeforeRE are the words that make a bare name
// beside them a switch: "the `x` flag", "the `x` toggle", "the kill switch
// `x`", "flag `x`".
var (
	switchAfterRE  = regexp.MustCompile(`^\s*(feature\s+)?(flag|toggle|kill[ -]?switch)\b`)
	switchBeforeRE = regexp.MustCompile(`(?i)\b(flag|toggle|kill[ -]?switch|feature\s+switch)\s*$`)
)

// combinedShorts reports letters that read as short flags run together
// (-uv, -xvf) rather than one single-dash long flag (-run, -tags): two
// letters, or three with no vowel.
func combinedShorts(letters string) bool {
	switch {
	case strings.ContainsAny(letters, "-_0123456789"):
		return false
	case len(letters) == 2:
		return true
	case len(letters) == 3:
		return !strings.ContainsAny(letters, "aeiouy")
	}
	return false
}

// properNounIn reports whether a sentence names word capitalised, as a
// product's name: Neoformat for neoformat_try_node_exe.
func properNounIn(sentence, word string) bool {
	proper := strings.ToUpper(word[:1]) + word[1:]
	for _, f := range strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if f == proper {
			return true
		}
	}
	return false
}

// fileLike reports a dotted token that reads as a file name even with an
// ending fileExts lacks: a short last part (indexbyte2_arm64.s,
// trivy-java.db), or a dash or digit where setting names have none.
func fileLike(tok string) bool {
	last := tok[strings.LastIndexByte(tok, '.')+1:]
	return len(last) <= 3 || strings.ContainsAny(tok[:strings.IndexByte(tok, '.')], "-0123456789")
}

// fileNounRE finds the word "file" right after a code span, perhaps after
// a word saying what file: "`fipsmodule.cnf` configuration file".
var fileNounRE = regexp.MustCompile(`^\s*(?:[A-Za-z-]+\s+)?(?:file|files)\b`)

// pathUnder reports text that goes on from a variable as a path does:
// "/drush/Commands", "}/bin".
func pathUnder(rest string) bool {
	return strings.HasPrefix(strings.TrimPrefix(rest, "}"), "/")
}

// plainWordRE is a one-word name in lower case: files, tap.
var plainWordRE = regexp.MustCompile(`^[a-z][a-z0-9]{2,}$`)

// listTerm reports a code span at block offset start that opens a list
// item, bold or italics aside: the term a definition list defines.
func (e *extractor) listTerm(b block, start int) bool {
	return e.listItem && strings.Trim(b.masked[:start], " \t*_") == ""
}

var flagNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

func validFlag(name string) bool {
	return flagNameRE.MatchString(name) && !strings.HasSuffix(name, "-")
}

// fileExts are the last segments that make a dotted token a file name or
// a domain rather than a config key.
var fileExts = map[string]bool{}

func init() {
	for _, x := range strings.Fields(`md mdx markdown txt rst adoc yaml yml json jsonc json5 toml ini cfg conf env properties xml html htm css scss
		go mod sum py pyc pyi js mjs cjs jsx ts tsx mts cts rs rb java kt kts scala cs fs php sh bash zsh fish ps1 bat cmd
		c h cc cpp hpp swift m mm lua pl r sql graphql gql proto tf tfvars hcl lock log csv tsv pdf png jpg jpeg gif svg ico webp
		zip tar gz tgz bz2 xz whl jar war exe dll so dylib bin pem crt key pub cert der p12 pfx vue svelte astro ipynb dockerfile
		com org net io dev app co ai cloud gov edu info biz me us uk de fr local localhost internal svc cluster example test invalid`) {
		fileExts[x] = true
	}
}

// isFileOrCode reports whether a dotted token is a file name, a domain, an
// IP address or a reference to code (os.Getenv, React.useState), not a
// config key.
func isFileOrCode(tok string) bool {
	segs := strings.Split(tok, ".")
	if fileExts[strings.ToLower(segs[len(segs)-1])] || strings.EqualFold(segs[0], "www") {
		return true
	}
	for _, s := range segs {
		if s == "" {
			return true
		}
		if s[0] >= 'A' && s[0] <= 'Z' {
			return true // Go exported names, classes: code, not a key
		}
		if s[0] >= '0' && s[0] <= '9' {
			return true // versions and addresses: 1.2.3, 10.0.0.1
		}
	}
	return false
}

// pascalPath reports a dotted path of capitalised segments,
// Payments.Gateway.Endpoint: .NET writes configuration keys so, which
// reads as code unless the context says it is a key.
func pascalPath(tok string) bool {
	for _, s := range strings.Split(tok, ".") {
		if s == "" || s[0] < 'A' || s[0] > 'Z' || strings.ContainsAny(s, "-_") {
			return false
		}
	}
	return true
}

// classSettingRE finds a setting named after its class, as traitlets
// names them: Spawner.disable_user_config, JupyterHub.log_file.
var classSettingRE = regexp.MustCompile(`^[A-Z][A-Za-z0-9]+\.[a-z_][a-z0-9_]*$`)

func classSetting(tok string) bool { return classSettingRE.MatchString(tok) }

// prosePatterns find names in plain text where the wording leaves no doubt.
// Group 1 is the name.
var prosePatterns = []struct {
	re   *regexp.Regexp
	kind verify.Kind
}{
	{regexp.MustCompile(`(?:^|[\s(])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=\S`), verify.Env},
	// a shell expansion in plain text: "_$XDG_HOME/zellij_", "${APP_HOME}/bin"
	{regexp.MustCompile(`(?:^|[\s(*_"'])\$\{?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b`), verify.Env},
	{regexp.MustCompile(`(?i:\bthe\s+)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?i:\s+(?:environment|env)\s+var(?:iable)?)`), verify.Env},
	// "under the path in *ZELLIJ_CONFIG* environment variable": emphasis
	// around a name of several parts, no article
	{regexp.MustCompile(`(?:^|[\s(])[*_]{1,2}([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[*_]{1,2}(?i:\s+(?:environment|env)\s+var(?:iable)?)`), verify.Env},
	// "the environment variable FOO_BAR", "the environmental variable
	// called **AUTHELIA__JWT_SECRET_FILE**" (a double underscore nests)
	{regexp.MustCompile(`(?i:\b(?:environment(?:al)?|env)\s+var(?:iable)?\s+(?:(?:called|named)\s+)?)[*_]{0,2}([A-Z][A-Z0-9]*(?:__?[A-Z0-9]+)+)\b`), verify.Env},
	// "same as -s ; SYFT_SCOPE env var": a name of several parts right
	// before the words, no article
	{regexp.MustCompile(`(?:^|[\s;,(/])([A-Z][A-Z0-9]*(?:__?[A-Z0-9]+)+)(?i:\s+(?:environment(?:al)?|env)\s+var(?:iable)?)\b`), verify.Env},
	{regexp.MustCompile(`(?i:\bset\s+)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?i:\s+to)\b`), verify.Env},
	{regexp.MustCompile(`(?i:\bfeature\s+(?:flag|toggle)\s+)([A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)+)`), verify.Feature},
	{regexp.MustCompile(`(?:^|[\s(])(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?i:\s+(?:flag|option|switch|parameter|argument))\b`), verify.Flag},
	{regexp.MustCompile(`(?i:\b(?:flag|option)\s+)(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)\b`), verify.Flag},
	// an option list's item that opens with the flag in bold or italics:
	// "* **--match-constraint (-m):** Filters the dependencies shown"
	// (camelCase too: "* **--disableWarnings, -D** Ignore all errors")
	{regexp.MustCompile(`^[*_]{1,2}(--[a-z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*)`), verify.Flag},
	// a list item that is a flag alone, under "**CLI Flags:**": "- --format-errors"
	{regexp.MustCompile(`^(?:-[A-Za-z0-9], )?(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)\s*$`), verify.Flag},
}

// bareEnvRE finds an upper-case name of three parts or more in plain
// text, outside any code span: "retry the checks DOKKU_CHECKS_RETRIES
// times". The wording does not say what it is, so the claim is inferred:
// verify reports it only where the name is plainly the repository's.
var bareEnvRE = regexp.MustCompile(`(?:^|[\s(*])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,})(?:$|[\s).,;:!?*])`)

// prose reads plain text (code spans masked) for unambiguous wording.
func (e *extractor) prose(b block) {
	seen := map[int]bool{}
	for _, p := range prosePatterns {
		for _, m := range p.re.FindAllStringSubmatchIndex(b.masked, -1) {
			start, end := m[2], m[3]
			if seen[start] {
				continue
			}
			name := b.masked[start:end]
			if names.IsPlaceholder(name) {
				continue
			}
			seen[start] = true
			c := verify.Claim{Kind: p.kind, Name: name, Text: name, Source: verify.Prose, Explicit: true}
			if p.kind == verify.Flag {
				c.Name = strings.TrimLeft(name, "-")
			}
			if p.kind == verify.Env && pathUnder(b.masked[end:]) {
				// "Filename: $PROJECT_ROOT/drush/Commands/…": the root of a
				// path, a placeholder as often as a setting; inferred, as in
				// a code span ($XDG_HOME/rubocop/config.yml)
				c.Explicit = false
			}
			if family(b.masked[:start], b.masked[end:]) {
				// "set the GOOSE env vars": the names that start with it
				c.Family, c.Explicit = true, false
			}
			j := e.judge(b, start, end, c.Name)
			c.Safety, c.Historical, c.Owner, c.Context = j.safety, j.historical, j.owner, j.context
			e.add(c, b.start+start)
		}
	}
	for _, m := range bareEnvRE.FindAllStringSubmatchIndex(b.masked, -1) {
		start, end := m[2], m[3]
		name := b.masked[start:end]
		if seen[start] || names.IsPlaceholder(name) || names.IsNotAName(name) {
			continue
		}
		seen[start] = true
		c := verify.Claim{Kind: verify.Env, Name: name, Text: name, Source: verify.Prose}
		j := e.judge(b, start, end, c.Name)
		c.Safety, c.Historical, c.Owner, c.Context = j.safety, j.historical, j.owner, j.context
		e.add(c, b.start+start)
	}
}
