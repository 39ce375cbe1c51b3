package extract

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/docverify/docverify/extract/configblock"
	"github.com/docverify/docverify/extract/names"
	"github.com/docverify/docverify/extract/shellcmd"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/known"
)

// snippet is the text of a code block with a map back to the document:
// the block's lines are joined, and a snippet offset maps to a document
// offset through the line it falls in.
type snippet struct {
	text       string
	lineStarts []int // snippet offset of each line
	docStarts  []int // document offset of each line
}

func newSnippet(lines *text.Segments, src []byte) snippet {
	var s snippet
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s.lineStarts = append(s.lineStarts, b.Len())
		s.docStarts = append(s.docStarts, seg.Start)
		b.Write(src[seg.Start:seg.Stop])
	}
	s.text = b.String()
	return s
}

// toDoc maps a snippet offset to a document offset.
func (s snippet) toDoc(off int) int {
	i := len(s.lineStarts) - 1
	for i > 0 && s.lineStarts[i] > off {
		i--
	}
	if i < 0 {
		return off
	}
	return s.docStarts[i] + off - s.lineStarts[i]
}

// lineOf returns the snippet line (0-based) an offset is on, and its text.
func (s snippet) lineOf(off int) (int, string) {
	i := len(s.lineStarts) - 1
	for i > 0 && s.lineStarts[i] > off {
		i--
	}
	end := len(s.text)
	if i+1 < len(s.lineStarts) {
		end = s.lineStarts[i+1]
	}
	return i, strings.TrimRight(s.text[s.lineStarts[i]:end], "\r\n")
}

// shellLangs are info strings of shell and console snippets.
var shellLangs = map[string]shellcmd.Mode{
	"sh": shellcmd.Auto, "bash": shellcmd.Auto, "shell": shellcmd.Auto, "zsh": shellcmd.Auto, "ksh": shellcmd.Auto,
	"fish": shellcmd.Auto, "shellscript": shellcmd.Auto, "sh-session": shellcmd.Console,
	"console": shellcmd.Console, "shell-session": shellcmd.Console, "shellsession": shellcmd.Console,
	"terminal": shellcmd.Console, "term": shellcmd.Console, "cli": shellcmd.Auto, "command": shellcmd.Auto,
	"cmd": shellcmd.Auto, "bat": shellcmd.Auto, "batch": shellcmd.Auto, "powershell": shellcmd.Auto,
	"ps1": shellcmd.Auto, "pwsh": shellcmd.Auto, "ps": shellcmd.Auto,
}

// infoLang is the language word of an info string: "yaml title=x" → yaml,
// "{.bash}" → bash.
func infoLang(info string) string {
	info = strings.TrimSpace(info)
	info = strings.TrimLeft(info, "{.")
	if i := strings.IndexAny(info, " \t{},"); i >= 0 {
		info = info[:i]
	}
	return strings.ToLower(info)
}

func (e *extractor) fenced(n *ast.FencedCodeBlock) {
	info := ""
	if n.Info != nil {
		info = string(n.Info.Segment.Value(e.src))
	}
	e.leadNamesOfSnippetProgram(info, n.Lines())
	e.codeBlock(infoLang(info), info, n.Lines())
}

// leadNamesOfSnippetProgram gives the names that the paragraph before a
// snippet of another program's config quotes from it to that program:
// "replace the `server_name` values" above an nginx snippet that sets
// server_name is about nginx's directive. verify decides whether the
// program is this repository's.
func (e *extractor) leadNamesOfSnippetProgram(info string, lines *text.Segments) {
	tool := known.DaemonIn(firstLine(info))
	if tool == "" {
		tool = known.ConfigToolIn(firstLine(info))
	}
	start, end, ok := linesRange(lines)
	if tool == "" || !ok || e.lastPara.raw == "" {
		return
	}
	body := string(e.src[start:end])
	first, last := e.pos(e.lastPara.start).Line, e.pos(e.lastPara.start+len(e.lastPara.raw)).Line
	// claims are added in document order, so the paragraph's are at the end
	for i := len(e.claims) - 1; i >= 0 && e.claims[i].Pos.Line >= first; i-- {
		c := &e.claims[i]
		if c.Pos.Line > last || c.Source != verify.InlineCode || c.Owner != "" || c.Command != "" {
			continue
		}
		if wordIn(body, c.Name) {
			c.Owner = tool
		}
	}
}

// wordIn reports whether name occurs in text as a whole word.
func wordIn(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(name)
		// a dash joins words too: server_name is not in proxy-server_name
		if (a == 0 || !isNameByte(text[a-1]) && text[a-1] != '-') && (b == len(text) || !isNameByte(text[b]) && text[b] != '-') {
			return true
		}
		i = a + 1
	}
}

// textLangs are the info strings of blocks that hold plain text, such as
// a program's --help output.
var textLangs = map[string]bool{"text": true, "txt": true, "plain": true, "plaintext": true, "output": true, "help": true}

// helpUsageRE and helpOptionRE find a program's --help output: a usage
// line naming the program, and option lines ("  -v, --verbose   Show…").
var (
	helpUsageRE  = regexp.MustCompile(`(?mi)^\s*usage:\s+(?:\$\s+)?(?:\./)?([A-Za-z][\w.-]*)|^\s*usage of (?:\./)?([A-Za-z][\w.-]*):`)
	helpOptionRE = regexp.MustCompile(`(?m)^[ \t]+(?:-[A-Za-z0-9]{1,3},?[ \t]+)?(--[A-Za-z0-9][\w.-]*)(?:=|,|[ \t]|\[|<|$)`)
	// oneDashHelpOptionRE is an option line of a help dump whose long
	// options take one dash, as goflags writes them: "   -dt,
	// -dialer-timeout value   timeout for requests". A word of several
	// parts, or of four letters or more, and a description two spaces on:
	// never a command line's -rf.
	oneDashHelpOptionRE = regexp.MustCompile(`(?m)^[ \t]+(?:-[A-Za-z0-9]{1,5},[ \t]+)?(-[a-z][a-z0-9]*(?:-[a-z0-9]+)+|-[a-z][a-z0-9]{3,})(?:[ \t]+[a-z][\w\[\]]*)?[ \t]{2,}\S`)
	// goHelpOptionRE is an option line of Go's flag package's usage
	// ("  -metric-name string" over its description on the next line,
	// tab-indented): one dash, a type word.
	goHelpOptionRE = regexp.MustCompile(`(?m)^[ \t]+(-[A-Za-z][\w.-]+)(?:[ \t]+[a-z][\w.]*)?[ \t]*\n[ \t]*\t`)
)

// helpDescribedRE finds an option line that describes its option after a
// gap, as --help output does ("  --standard     Prints standard output"),
// and helpBareOptionRE one whose description is on the lines below, more
// deeply indented, as argparse writes a long option with its argument
// ("  --filter-sender FILTERSENDER" over "        only keep messages…").
// Three of them make a block an option list even without its usage line.
var (
	helpDescribedRE   = regexp.MustCompile(`^[ \t]+(?:-[A-Za-z0-9]{1,3},?[ \t]+)?--[A-Za-z0-9][\w.-]*(?:[ =]\S+)?[ \t]{2,}\S`)
	helpBareOptionRE  = regexp.MustCompile(`^([ \t]+)(?:-[A-Za-z0-9]{1,3},?[ \t]+)?--[A-Za-z0-9][\w.-]*(?:[ =][A-Z_<\[][\w<>\[\].-]*)?[ \t]*(?:#.*)?$`)
	helpDescriptionRE = regexp.MustCompile(`^([ \t]+)[A-Za-z(]`)
)

// minDescribedOptions is how many described option lines make an
// untagged block an option list.
const minDescribedOptions = 3

// describedOptions counts the option lines of a block that carry their
// description, on the line or below it.
func describedOptions(t string) int {
	lines := strings.Split(t, "\n")
	n := 0
	for i, l := range lines {
		switch {
		case helpDescribedRE.MatchString(l):
			n++
		case i+1 < len(lines):
			m := helpBareOptionRE.FindStringSubmatch(l)
			d := helpDescriptionRE.FindStringSubmatch(lines[i+1])
			if m != nil && d != nil && len(d[1]) > len(m[1]) {
				n++
			}
		}
		if n >= minDescribedOptions {
			break
		}
	}
	return n
}

// consoleOutput is a console session's snippet with its command lines
// blanked (offsets kept): what the commands printed. A --help run's
// output ("$ md2conf --help" over "usage: md2conf …") is read as the
// option list it is; the command lines are read as commands.
func consoleOutput(s snippet) snippet {
	b := []byte(s.text)
	for _, loc := range consoleCommandRE.FindAllIndex(b, -1) {
		for i := loc[0]; i < loc[1]; i++ {
			b[i] = ' '
		}
	}
	s.text = string(b)
	return s
}

// consoleCommandRE finds a console session's command line, with the
// lines that continue it.
var consoleCommandRE = regexp.MustCompile(`(?m)^\s*[$>] .*(?:\\\n.*)*$`)

// helpBlock reads a program's --help output: each option line defines a
// flag of the program its usage line names; without a usage line, the
// flags have no command, and whose they are is left to ownership.
func (e *extractor) helpBlock(s snippet) {
	prog := ""
	if m := helpUsageRE.FindStringSubmatch(s.text); m != nil {
		prog = m[1] + m[2]
	}
	// Go's flag package writes one dash and the description on the next
	// line, tab-indented, under its own "Usage of x:" or a usage line the
	// program prints first
	opts := append(helpOptionRE.FindAllStringSubmatchIndex(s.text, -1), goHelpOptionRE.FindAllStringSubmatchIndex(s.text, -1)...)
	opts = append(opts, oneDashHelpOptionRE.FindAllStringSubmatchIndex(s.text, -1)...)
	for _, m := range opts {
		tok := strings.TrimRight(s.text[m[2]:m[3]], ".")
		w := shellcmd.Word{Text: tok, Offset: m[2]}
		j := e.blockJudgement(s, m[2], tok)
		if prog == "" {
			// an option's description is no attribution: "a suffix for an
			// executable named docker-credential-<suffix>" is jib's option
			j.context = ""
		}
		n := len(e.claims)
		e.flagClaim(w, s.toDoc, j, verify.ShellBlock, prog)
		if len(e.claims) > n {
			// an option list says what the options are, one dash or two
			e.claims[n].Explicit = true
		}
	}
	// the options' descriptions are sentences: "Alternatively set using
	// the KRATOS_ADMIN_ENDPOINT environmental variable."
	off := 0
	for _, line := range strings.SplitAfter(s.text, "\n") {
		start, end := s.toDoc(off), s.toDoc(off+len(strings.TrimRight(line, "\n")))
		off += len(line)
		if end > start && end <= len(e.src) {
			e.prose(newBlock(e.src, start, end))
		}
	}
}

// isHelpDump reports a block that holds a program's help: a usage line
// and option lines.
func isHelpDump(t string) bool {
	return helpUsageRE.MatchString(t) && (helpOptionRE.MatchString(t) || goHelpOptionRE.MatchString(t) || oneDashHelpOptionRE.MatchString(t))
}

// indented code blocks have no info string; they are read as shell when
// they look like a console session or a list of assignments.
func (e *extractor) indented(n *ast.CodeBlock) {
	e.codeBlock("", "", n.Lines())
}

func (e *extractor) codeBlock(lang, info string, lines *text.Segments) {
	if lines == nil || lines.Len() == 0 {
		return
	}
	s := newSnippet(lines, e.src)
	if codeLangs[lang] {
		e.noteObjects(s.text)
	}
	e.noteExpansions(s.text, codeLangs[lang])
	if mode, ok := shellLangs[lang]; ok {
		e.shellBlock(s, mode)
		return
	}
	if lang == "dockerfile" || lang == "docker" {
		e.dockerfileBlock(s)
		return
	}
	if lang == "python" || lang == "py" || lang == "python3" {
		e.traitletsBlock(s)
		return
	}
	if lang == "lua" {
		e.luaBlock(s)
		return
	}
	if f := configblock.FormatOf(lang); f != configblock.Unknown {
		e.configBlock(s, f, info)
		return
	}
	if lang == "" || textLangs[lang] {
		// a plugin's syntax, "multisocket [NUM_SOCKETS]": the prose after
		// it sets NUM_SOCKETS as the argument it is, not a variable
		e.noteSynopsis(s.text, upperPlaceholder)
		switch {
		case isHelpDump(s.text),
			describedOptions(s.text) >= minDescribedOptions:
			e.helpBlock(s)
			return
		case lang != "":
		case looksLikeConsole(s.text):
			e.shellBlock(s, shellcmd.Console)
		case looksLikeEnvFile(s.text):
			e.configBlock(s, configblock.Env, "")
		case looksLikeINI(s.text):
			// "create a ~/.isort.cfg file:" above an indented [settings]
			// block; configBlock asks whether it is the project's config
			e.configBlock(s, configblock.INI, "")
		case looksLikeCommands(s.text):
			e.shellBlock(s, shellcmd.Script)
		}
	}
}

// expansionRE finds a variable's value used in a snippet: $LOG_GROUP,
// ${FIREHOSE_S3_BUCKET}.
var expansionRE = regexp.MustCompile(`\$\{?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b`)

// noteExpansions records the variables whose values a doc's snippets use:
// expanded in a command or a config value ("aws logs create-log-group
// --log-group-name ${LOG_GROUP}", path: "${LOG_PATH}"), or read by a code
// snippet (ENV['DEPLOY_USER'] in a Capfile). Such a variable is the
// reader's: set for the reader's own commands or code, whatever else
// reads it. A line that passes a variable on under its own name
// (APP_KEY=${APP_KEY} in a compose file) uses it for the container, and
// does not count.
func (e *extractor) noteExpansions(text string, code bool) {
	for _, line := range strings.Split(text, "\n") {
		for _, m := range expansionRE.FindAllStringSubmatch(line, -1) {
			if !passedOnAsItself(line, m[1]) {
				e.noteExpanded(m[1])
			}
		}
		if code && mentionsEnv(line) {
			for _, m := range codeReadRE.FindAllStringSubmatch(line, -1) {
				for _, g := range m[1:] {
					if g != "" {
						e.noteExpanded(g)
					}
				}
			}
		}
	}
}

func (e *extractor) noteExpanded(name string) {
	if e.expanded == nil {
		e.expanded = map[string]bool{}
	}
	e.expanded[name] = true
}

// passedOnAsItself reports a line that gives a variable's value to a
// variable of the same name: APP_KEY=${APP_KEY}, "APP_KEY: $APP_KEY".
func passedOnAsItself(line, name string) bool {
	i := strings.Index(line, name)
	for i >= 0 {
		rest := strings.TrimLeft(line[i+len(name):], `"' `)
		if (i == 0 || line[i-1] != '$' && line[i-1] != '{') && (strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":")) {
			return true
		}
		j := strings.Index(line[i+len(name):], name)
		if j < 0 {
			break
		}
		i += len(name) + j
	}
	return false
}

// markReaderVariables marks the env claims whose values the doc's own
// snippets use (noteExpansions).
func (e *extractor) markReaderVariables() {
	if len(e.expanded) == 0 {
		return
	}
	for i := range e.claims {
		if c := &e.claims[i]; c.Kind == verify.Env && e.expanded[c.Name] {
			c.ReaderVariable = true
		}
	}
}

// codeLangs are the snippet languages whose objects prose goes on to name.
var codeLangs = map[string]bool{"python": true, "py": true, "python3": true, "pycon": true, "javascript": true, "js": true,
	"typescript": true, "ts": true, "jsx": true, "tsx": true, "go": true, "golang": true, "ruby": true, "rb": true,
	"java": true, "kotlin": true, "kt": true, "php": true, "rust": true, "rs": true, "csharp": true, "cs": true, "swift": true}

// objectUseRE finds a variable a snippet calls a method on or assigns:
// "embedding_model.embed(" or "embedding_model = llm.get_embedding_model()".
var objectUseRE = regexp.MustCompile(`(?m)\b([a-z_][a-z0-9_]*)\.[A-Za-z_]\w*\s*\(|^\s*(?:const |let |var )?([a-z_][a-z0-9_]*)\s*:?=[^=]`)

// noteObjects records the variables of a code snippet, for the section
// that holds it: prose that goes on to write `embedding_model.supports_text`
// names an attribute of the snippet's object, not a config key.
func (e *extractor) noteObjects(text string) {
	if e.objects == nil {
		e.objects = map[string]bool{}
	}
	for _, m := range objectUseRE.FindAllStringSubmatch(text, -1) {
		for _, v := range m[1:] {
			if v != "" {
				e.objects[v] = true
			}
		}
	}
}

// looksLikeCommands reports whether an untagged block is a list of
// command lines: each line starts with a well-known program (after sudo),
// as in "sudo npm install -g nodemon --unsafe-perm".
func looksLikeCommands(t string) bool {
	n := 0
	// a command continued with a backslash is one line: "docker run \"
	// then "    -e HUGINN_DATABASE_USER=huginn \" then the image
	for _, l := range strings.Split(strings.ReplaceAll(t, "\\\n", " "), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] == "sudo" && len(f) > 1 {
			f = f[1:]
		}
		if _, ok := known.Program(f[0]); !ok && !commandWithFlags(f) {
			return false
		}
		n++
	}
	return n > 0
}

// commandWithFlags reports a line that reads as a command line whatever
// its program: a program's name, its words, and a long flag after them
// ("atlantis approve_policies --clear-policy-approvals").
func commandWithFlags(f []string) bool {
	if !programWordRE.MatchString(strings.TrimPrefix(f[0], "./")) || len(f) < 2 {
		return false
	}
	for _, w := range f[1:] {
		if strings.HasPrefix(w, "--") && names.Of(strings.SplitN(w, "=", 2)[0]) == names.LongFlag {
			return true
		}
	}
	return false
}

var (
	consoleLineRE = regexp.MustCompile(`(?m)^\s*\$ \S`)
	envLineRE     = regexp.MustCompile(`^(export\s+)?[A-Z][A-Z0-9_]*=`)
)

func looksLikeConsole(t string) bool { return consoleLineRE.MatchString(t) }

// iniSectionLineRE and iniPairRE are the lines of an INI file.
var (
	iniSectionLineRE = regexp.MustCompile(`^\[[\w.:" -]+\]$`)
	iniPairRE        = regexp.MustCompile(`^[A-Za-z_][\w.-]*\s*=`)
)

// looksLikeINI reports an untagged block that is an INI file: it opens
// with a [section] line and holds key = value lines, nothing else.
func looksLikeINI(t string) bool {
	pairs, first := 0, true
	for _, l := range strings.Split(t, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, ";"):
			continue
		case first && !iniSectionLineRE.MatchString(l):
			return false
		case iniSectionLineRE.MatchString(l):
		case iniPairRE.MatchString(l):
			pairs++
		default:
			return false
		}
		first = false
	}
	return pairs >= 2
}

func looksLikeEnvFile(t string) bool {
	n := 0
	for _, l := range strings.Split(t, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !envLineRE.MatchString(l) {
			return false
		}
		n++
	}
	return n > 0
}

// blockJudgement reads the context of a claim in a code block. Its safety
// cue comes from comments (on the line above, or after the claim on its
// line), the paragraph before the block and the section's headings — not
// from the rest of a command line, where --dry-run says nothing about the
// --port beside it. The claim's own name is matched by the caller.
func (e *extractor) blockJudgement(s snippet, off int, name string) judgement {
	i, line := s.lineOf(off)
	comments := ""
	if i > 0 {
		_, prev := s.lineOf(s.lineStarts[i-1])
		if t := strings.TrimSpace(prev); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
			comments = prev
		}
	}
	if k := strings.Index(line, " #"); k >= 0 {
		comments += "\n" + line[k:]
	}
	lead := e.leadSentence()
	j := judgement{context: fold(line)}
	j.safety = e.safety(comments+"\n"+lead, name)
	// a help dump's description on the line can say a flag is gone, but
	// a quoted argument is a value: --exclude-by-attribute "Obsolete,…"
	j.historical = historical(comments+"\n"+quotedRE.ReplaceAllString(line, `""`), 0)
	if j.historical == "" {
		j.historical = e.sectionHistorical()
	}
	return j
}

// quotedRE is a quoted string on a line of a snippet.
var quotedRE = regexp.MustCompile(`"[^"\n]*"|'[^'\n]*'`)

// noteSynopsis records the placeholders a block's usage lines declare,
// those keep allows, so the doc's other mentions of them are not claims.
func (e *extractor) noteSynopsis(text string, keep func(string) bool) {
	for _, m := range synopsisRE.FindAllStringSubmatch(text, -1) {
		if !keep(m[1]) {
			continue
		}
		if e.synopsis == nil {
			e.synopsis = map[string]bool{}
		}
		e.synopsis[m[1]] = true
	}
}

// upperPlaceholder is a placeholder in capitals (NUM_SOCKETS), the kind a
// plain-text syntax block declares: "multisocket [NUM_SOCKETS]". Lower-case
// brackets there are as often an INI section as a placeholder.
func upperPlaceholder(name string) bool {
	return strings.ToUpper(name) == name && strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// synopsisRE finds the placeholders of a usage line: [setting-key], <name>, {value}.
var synopsisRE = regexp.MustCompile(`[\[<{]([A-Za-z][A-Za-z0-9_.-]*)(\.\.\.)?[\]>}]`)

func (e *extractor) shellBlock(s snippet, mode shellcmd.Mode) {
	e.noteSynopsis(s.text, func(string) bool { return true })

	if mode == shellcmd.Auto && looksLikePowerShell(s.text) {
		e.powershell(s)
		return
	}
	if prog, ok := commandTree(s.text); ok {
		e.commandTree(s, prog)
		return
	}
	if !looksLikeConsole(s.text) && isHelpDump(s.text) {
		// a ```console block holding only a program's --help output, no
		// prompt: the options it lists are the program's
		e.helpBlock(s)
		return
	}
	for _, cmd := range shellcmd.Parse(s.text, mode) {
		j := e.blockJudgement(s, cmd.Offset, "")
		e.command(cmd, s.toDoc, s.text, j, verify.ShellBlock)
	}
	if looksLikeConsole(s.text) {
		if out := consoleOutput(s); isHelpDump(out.text) {
			e.helpBlock(out)
		}
	}
}

// treeFlagRE finds an option line of a command tree: "  -a, --agents  #
// specify how many agents", "      --api-port". Group 1 is the long flag.
var treeFlagRE = regexp.MustCompile(`(?m)^[ \t]+(?:-[A-Za-z0-9], )?(--[a-z][a-z0-9-]*)(?:[ \t=]|$)`)

// commandTree recognises a block that draws a program's commands and
// options as an indented tree, k3d's "Command Tree": its first line is
// the program's name alone, and the lines below are indented options and
// subcommands, most with a # description. It returns the program.
func commandTree(t string) (string, bool) {
	lines := strings.Split(strings.TrimSpace(t), "\n")
	if len(lines) < 3 {
		return "", false
	}
	prog := strings.TrimSpace(lines[0])
	if !programWordRE.MatchString(prog) {
		return "", false
	}
	indented, flags := 0, 0
	for _, l := range lines[1:] {
		switch {
		case strings.TrimSpace(l) == "":
		case l[0] == ' ' || l[0] == '\t':
			indented++
			if treeFlagRE.MatchString(l) {
				flags++
			}
		default:
			return "", false
		}
	}
	return prog, flags >= 2 && flags*3 >= indented
}

// programWordRE is a program's name on a line of its own.
var programWordRE = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)

// commandTree reads the long flags of a command tree as the program's.
func (e *extractor) commandTree(s snippet, prog string) {
	for _, m := range treeFlagRE.FindAllStringSubmatchIndex(s.text, -1) {
		line := s.text[m[0]:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		j := e.blockJudgement(s, m[2], s.text[m[2]:m[3]])
		e.flagClaim(shellcmd.Word{Text: s.text[m[2]:m[3]], Offset: m[2], Whole: true}, s.toDoc, j, verify.ShellBlock, prog)
	}
}

// command turns one command line into claims: the variables it sets, and
// the flags it passes to the program it runs. toDoc maps offsets of the
// command into document offsets.
func (e *extractor) command(cmd shellcmd.Command, toDoc func(int) int, text string, j judgement, src verify.Source) {
	// `uvx --with llm-anthropic llm ...`: the flags before the program run
	// are the runner's own; claimed as its, they tell whose a bare
	// `--with` in the same doc is
	if runner, flags := runnerFlags(cmd.Args); runner != "" {
		for _, w := range flags {
			e.flagClaim(w, toDoc, j, src, runner)
		}
	}
	prog, args, envArgs := resolveProgram(cmd.Args)
	for _, a := range cmd.Assigns {
		if prog == "" && !a.Export && (usedLater(text, a.Name, a.Offset) || substituted(text, a)) {
			// EXPECTED="$(...)" ... "$EXPECTED", BUCKET_HOST=$(kubectl get …):
			// the script's own variable, set from a command it runs
			continue
		}
		if e.envClaim(a.Name, toDoc(a.Offset), prog, j, src) && prog == "" && !a.Export && names.Of(a.Name) == names.UpperWord {
			// ENDPOINT=testing.com on a line of its own sets a shell variable,
			// which may well be the reader's own: only its shape says more.
			e.claims[len(e.claims)-1].Explicit = false
		}
	}
	for _, w := range envArgs {
		e.envClaim(w.Text[:strings.IndexByte(w.Text, '=')], toDoc(w.Offset), prog, j, src)
	}
	if prog == "" {
		return
	}
	base := verify.ProgramName(prog)
	if rest, ok := appEnvArgs(base, args); ok {
		// heroku config:set NAME=value sets a variable of the app this
		// repository deploys, not one of heroku's
		for _, w := range rest {
			if k := strings.IndexByte(w.Text, '='); k > 0 && names.Of(w.Text[:k]) == names.UpperSnake {
				e.envClaim(w.Text[:k], toDoc(w.Offset), "", j, src)
			}
		}
		return
	}
	if (base == "docker" || base == "podman" || base == "nerdctl") && len(args) > 0 && args[0].Text == "run" {
		// docker's own options, then the image, then the image's command:
		// the variables and the arguments after the image are for the
		// program in the image, which may be this repository's.
		image, imageArgs := e.containerRun(args[1:], toDoc, j, src, prog)
		if image == "" {
			return
		}
		prog, args = image, imageArgs
	}
	plugin := ""
	if pluginHosts[base] && len(args) > 0 && programWordRE.MatchString(args[0].Text) {
		plugin = base + "-" + args[0].Text // cargo nextest runs cargo-nextest
	}
	for _, w := range args {
		if w.Text == "--" {
			break
		}
		e.flagClaim(w, toDoc, j, src, prog)
		if plugin != "" && len(e.claims) > 0 && e.claims[len(e.claims)-1].Command == prog {
			e.claims[len(e.claims)-1].Plugin = plugin
		}
	}
}

// appEnvSetters are the commands of hosting platforms whose NAME=value
// arguments set the environment of the deployed app, after the words
// given: heroku config:set, fly secrets set, kubectl set env.
var appEnvSetters = map[string][][]string{
	"heroku":  {{"config:set"}, {"config:add"}},
	"dokku":   {{"config:set"}},
	"fly":     {{"secrets", "set"}},
	"flyctl":  {{"secrets", "set"}},
	"kubectl": {{"set", "env"}},
	"railway": {{"variables", "set"}, {"variables", "--set"}},
	"render":  {{"env", "set"}},
}

// appEnvArgs reports whether a command sets the app's environment, and
// the arguments after the words that say so.
func appEnvArgs(base string, args []shellcmd.Word) ([]shellcmd.Word, bool) {
	for _, words := range appEnvSetters[base] {
		if len(args) < len(words) {
			continue
		}
		match := true
		for i, w := range words {
			match = match && args[i].Text == w
		}
		if match {
			return args[len(words):], true
		}
	}
	return nil, false
}

// pluginHosts are the programs that run an external subcommand "x" as the
// program host-x on the path.
var pluginHosts = map[string]bool{"cargo": true, "git": true, "kubectl": true, "gh": true, "helm": true, "docker": true}

// flagClaim records an argument that is a flag (--name or -name) as a
// claim about the program prog.
func (e *extractor) flagClaim(w shellcmd.Word, toDoc func(int) int, j judgement, src verify.Source, prog string) {
	tok := w.Text
	if i := strings.IndexByte(tok, '='); i >= 0 {
		tok = tok[:i]
	}
	shape := names.Of(tok)
	if shape != names.LongFlag && shape != names.SingleDash {
		return
	}
	name := strings.TrimLeft(tok, "-")
	if !validFlag(name) || names.IsPlaceholder(tok) {
		return
	}
	e.add(verify.Claim{Kind: verify.Flag, Name: name, Text: tok, Source: src, Command: prog,
		Explicit: shape == names.LongFlag, Safety: e.nameSafety(name, j.safety), Historical: j.historical, Context: j.context}, toDoc(w.Offset))
}

// envClaim records a variable set in a snippet, and reports whether it
// was a claim at all.
func (e *extractor) envClaim(name string, off int, prog string, j judgement, src verify.Source) bool {
	if names.IsPlaceholder(name) || names.Of(name) == names.None && !strings.Contains(name, "_") {
		return false
	}
	if strings.ToUpper(name) != name {
		return false // lower-case shell variables are the script's own
	}
	e.add(verify.Claim{Kind: verify.Env, Name: name, Source: src, Command: prog, Explicit: true,
		Safety: e.nameSafety(name, j.safety), Historical: j.historical, Context: j.context}, off)
	return true
}

// nameSafety is the safety cue of a name itself (FEED_KILL_SWITCH,
// --dry-run), or else the cue of its context.
func (e *extractor) nameSafety(name, fromContext string) string {
	if m, ok := e.cues.Find(cuesNameWords(name)); ok {
		return m.Label
	}
	return fromContext
}

// containerRun reads the options of docker run: -e NAME=value and --env
// NAME set variables for the image's program, the other options are
// docker's own flags. It returns the image, as the program name it runs
// (ghcr.io/acme/feed:1.2 → feed), and the arguments after it.
func (e *extractor) containerRun(args []shellcmd.Word, toDoc func(int) int, j judgement, src verify.Source, docker string) (string, []shellcmd.Word) {
	// the variables -e sets are the image's program's: once the image is
	// read, they name it (its own program's, or another's that reads them)
	first := len(e.claims)
	for i := 0; i < len(args); i++ {
		a := args[i]
		var val shellcmd.Word
		switch {
		case a.Text == "-e" || a.Text == "--env":
			if i+1 >= len(args) {
				return "", nil
			}
			val = args[i+1]
			i++
		case strings.HasPrefix(a.Text, "--env="):
			val = shellcmd.Word{Text: a.Text[len("--env="):], Offset: a.Offset + len("--env=")}
		case !strings.HasPrefix(a.Text, "-"):
			image := imageProgram(a.Text)
			for k := first; k < len(e.claims); k++ {
				if e.claims[k].Kind == verify.Env && image != "" {
					e.claims[k].Command, e.claims[k].Image = image, a.Text
				}
			}
			return image, args[i+1:]
		default:
			e.flagClaim(a, toDoc, j, src, docker)
			if !strings.Contains(a.Text, "=") && i+1 < len(args) && dockerValueFlags[a.Text] {
				i++ // the option's value, not the image
			}
			continue
		}
		name := val.Text
		if k := strings.IndexByte(name, '='); k >= 0 {
			name = name[:k]
		}
		if names.Of(name) == names.UpperSnake || names.Of(name) == names.UpperWord {
			e.envClaim(name, toDoc(val.Offset), "", j, src)
		}
	}
	return "", nil
}

// dockerValueFlags are the docker run options that take a value, so that
// the value is not read as the image.
var dockerValueFlags = map[string]bool{"-p": true, "--publish": true, "-v": true, "--volume": true, "--name": true,
	"--network": true, "--net": true, "-w": true, "--workdir": true, "-u": true, "--user": true, "--entrypoint": true,
	"--env-file": true, "-l": true, "--label": true, "--mount": true, "--platform": true, "-m": true, "--memory": true,
	"--cpus": true, "--restart": true, "--add-host": true, "-h": true, "--hostname": true, "--pull": true, "--gpus": true,
	"--link": true, "--log-driver": true, "--log-opt": true, "--dns": true, "--cap-add": true, "--cap-drop": true,
	"--device": true, "--tmpfs": true, "--shm-size": true, "--ulimit": true, "--security-opt": true, "--ip": true,
	"--expose": true, "--volumes-from": true, "--stop-signal": true, "--stop-timeout": true, "--health-cmd": true,
	"--cidfile": true, "--label-file": true, "--memory-swap": true, "--cpu-shares": true, "-c": true, "--runtime": true}

// imageProgram is the program name of an image reference:
// registry.example.com:5000/acme/feed:1.2@sha256:... → feed.
func imageProgram(ref string) string {
	if i := strings.IndexByte(ref, '@'); i >= 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		ref = ref[i+1:]
	}
	if i := strings.IndexByte(ref, ':'); i >= 0 {
		ref = ref[:i]
	}
	return ref
}

// resolveProgram finds the program a command line runs and the arguments
// it gets, seeing through wrappers (sudo, env, time), runners (go run,
// npx, python -m, uv run) and interpreters (node script.js).
func resolveProgram(args []shellcmd.Word) (prog string, rest []shellcmd.Word, envArgs []shellcmd.Word) {
	prog, rest = resolve(args, &envArgs)
	return prog, rest, envArgs
}

// resolve is resolveProgram's walk; env NAME=value words go to envArgs.
func resolve(args []shellcmd.Word, envArgs *[]shellcmd.Word) (string, []shellcmd.Word) {
	for len(args) > 0 {
		p := args[0].Text
		base := verify.ProgramName(p)
		rest := args[1:]
		switch base {
		case "sudo", "time", "nohup", "exec", "command", "nice", "caffeinate", "xvfb-run",
			// debuggers and tracers run the program after their options
			// (lldb -- uwsgi --pythonpath x, gdb --args, valgrind --leak-check=full)
			"lldb", "gdb", "valgrind", "strace", "ltrace":
			args = skipFlags(rest)
			if len(args) > 0 && args[0].Text == "--args" {
				args = args[1:]
			}
			continue
		case "env":
			rest = skipFlags(rest)
			for len(rest) > 0 && strings.Contains(rest[0].Text, "=") {
				if k := strings.IndexByte(rest[0].Text, '='); k > 0 {
					*envArgs = append(*envArgs, rest[0])
				}
				rest = rest[1:]
			}
			args = rest
			continue
		case "go":
			if len(rest) > 0 && rest[0].Text == "run" {
				rest = skipFlags(rest[1:])
				if len(rest) == 0 {
					return "", nil
				}
				return rest[0].Text, rest[1:]
			}
		case "npx", "bunx", "pnpx", "uvx", "pipx":
			if base == "pipx" {
				if len(rest) == 0 || rest[0].Text != "run" {
					return p, rest
				}
				rest = rest[1:]
			}
			rest = skipFlags(rest)
			if len(rest) == 0 {
				return "", nil
			}
			return rest[0].Text, rest[1:]
		case "npm", "pnpm", "yarn", "bun":
			if len(rest) > 0 && (rest[0].Text == "exec" || rest[0].Text == "dlx" || rest[0].Text == "x") {
				rest = skipFlags(rest[1:])
				if len(rest) == 0 {
					return "", nil
				}
				return rest[0].Text, rest[1:]
			}
		case "uv", "poetry", "pdm", "hatch", "rye", "pipenv":
			if len(rest) > 0 && rest[0].Text == "run" {
				args = skipFlags(rest[1:])
				continue
			}
		case "python", "python3", "py", "pypy", "pypy3":
			for i := 0; i < len(rest); i++ {
				switch t := rest[i].Text; {
				case t == "-m" && i+1 < len(rest):
					return rest[i+1].Text, rest[i+2:]
				case strings.HasPrefix(t, "-"):
					continue
				default:
					return t, rest[i+1:]
				}
			}
			return p, nil
		case "bundle":
			if len(rest) > 0 && rest[0].Text == "exec" {
				args = skipFlags(rest[1:])
				continue
			}
		case "cargo", "dotnet":
			// cargo run [--bin tool] -- args; dotnet run -- args: the
			// program is the project's, unnamed here
			if len(rest) > 0 && rest[0].Text == "run" {
				for i, w := range rest {
					if w.Text == "--" {
						return verify.OwnProgram, rest[i+1:]
					}
				}
				return "", nil
			}
			if base == "dotnet" && len(rest) > 0 && strings.HasSuffix(rest[0].Text, ".dll") {
				return strings.TrimSuffix(rest[0].Text, ".dll"), rest[1:]
			}
		case "java":
			for i := 0; i < len(rest); i++ {
				if rest[i].Text == "-jar" && i+1 < len(rest) {
					return jarProgram(rest[i+1].Text), rest[i+2:]
				}
			}
		case "node", "ts-node", "tsx", "deno", "bash", "sh", "zsh", "php", "ruby", "perl":
			r := rest
			if base == "deno" && len(r) > 0 && r[0].Text == "run" {
				r = r[1:]
			}
			r = skipFlags(r)
			if len(r) > 0 {
				return r[0].Text, r[1:]
			}
			return p, nil
		}
		// "ddev composer require --dev", "lando npm install --save": a
		// tool's first argument that is a package manager or runtime is
		// the program that gets the rest
		if _, isKnown := known.Program(base); !isKnown && len(rest) > 0 {
			if known.Toolchain(rest[0].Text) {
				return rest[0].Text, rest[1:]
			}
			// through sudo inside it: "lima sudo nerdctl run --privileged"
			if rest[0].Text == "sudo" && len(rest) > 1 && known.Toolchain(rest[1].Text) {
				return rest[1].Text, rest[2:]
			}
		}
		return p, rest
	}
	return "", nil
}

// usedLater reports whether a snippet expands a variable after the line
// that assigns it, which makes it the snippet's own.
func usedLater(text, name string, off int) bool {
	if off < 0 || off >= len(text) {
		return false
	}
	rest := text[off:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[nl:]
	} else {
		return false
	}
	for _, ref := range []string{"$" + name, "${" + name} {
		for i := 0; ; {
			k := strings.Index(rest[i:], ref)
			if k < 0 {
				break
			}
			end := i + k + len(ref)
			if ref[1] == '{' || end == len(rest) || !isNameByte(rest[end]) {
				return true
			}
			i = end
		}
	}
	return false
}

// substituted reports a bare assignment whose value is a command's
// output (X=$(…), X=`…`): the script computes it for its own use; a
// program's setting is given a value, not derived on the reader's shell.
func substituted(text string, a shellcmd.Assign) bool {
	at := a.Offset + len(a.Name)
	if at < 0 || at >= len(text) || text[at] != '=' {
		return false
	}
	v := strings.TrimLeft(text[at+1:], `"`)
	return strings.HasPrefix(v, "$(") || strings.HasPrefix(v, "`")
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// jarVersionRE is the version a build appends to a jar's name.
var jarVersionRE = regexp.MustCompile(`-\d+(\.\d+)*(-[A-Za-z0-9.]+)?$`)

// jarProgram names the program a jar runs: build/libs/billing-1.2.0.jar
// is billing.
func jarProgram(p string) string {
	name := strings.TrimSuffix(p[strings.LastIndexByte(p, '/')+1:], ".jar")
	return jarVersionRE.ReplaceAllString(name, "")
}

// skipFlags drops leading options of a wrapper (sudo -E, go run -race).
// runnerFlags are the flags a tool runner takes before the program it
// runs (npx --yes, uvx --with, pipx run --spec), with the runner's name;
// "" if the command line is no runner's.
func runnerFlags(args []shellcmd.Word) (string, []shellcmd.Word) {
	if len(args) < 2 {
		return "", nil
	}
	runner, rest := verify.ProgramName(args[0].Text), args[1:]
	switch runner {
	case "npx", "bunx", "pnpx", "uvx":
	case "pipx":
		if rest[0].Text != "run" {
			return "", nil
		}
		rest = rest[1:]
	default:
		return "", nil
	}
	var flags []shellcmd.Word
	for _, w := range rest {
		if !strings.HasPrefix(w.Text, "-") || w.Text == "--" {
			break
		}
		flags = append(flags, w)
	}
	return runner, flags
}

func skipFlags(args []shellcmd.Word) []shellcmd.Word {
	for len(args) > 0 && strings.HasPrefix(args[0].Text, "-") && args[0].Text != "--" {
		args = args[1:]
	}
	if len(args) > 0 && args[0].Text == "--" {
		args = args[1:]
	}
	return args
}

var (
	psEnvRE         = regexp.MustCompile(`\$env:([A-Za-z_][A-Za-z0-9_]*)\s*=`)
	dockerfileEnvRE = regexp.MustCompile(`(?im)^[ \t]*ENV[ \t]+(.*)$`)
	dockerfileKVRE  = regexp.MustCompile(`(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=`)
	dockerfileOneRE = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)\s`)
)

func looksLikePowerShell(t string) bool { return psEnvRE.MatchString(t) }

// powershell reads $env:NAME = "value" assignments.
func (e *extractor) powershell(s snippet) {
	for _, m := range psEnvRE.FindAllStringSubmatchIndex(s.text, -1) {
		j := e.blockJudgement(s, m[2], "")
		e.envClaim(s.text[m[2]:m[3]], s.toDoc(m[2]), "", j, verify.ShellBlock)
	}
}

// dockerfileBlock reads ENV instructions, "ENV A=1 B=2" and "ENV A 1": the
// image's program is the repository's, so the variables are claims about it.
func (e *extractor) dockerfileBlock(s snippet) {
	for _, m := range dockerfileEnvRE.FindAllStringSubmatchIndex(s.text, -1) {
		body, base := s.text[m[2]:m[3]], m[2]
		kvs := dockerfileKVRE.FindAllStringSubmatchIndex(body, -1)
		if len(kvs) == 0 {
			kvs = dockerfileOneRE.FindAllStringSubmatchIndex(body, 1)
		}
		for _, kv := range kvs {
			off := base + kv[2]
			e.envClaim(body[kv[2]:kv[3]], s.toDoc(off), "", e.blockJudgement(s, off, ""), verify.ShellBlock)
		}
	}
}

// traitletsLineRE finds a setting of a traitlets config file
// (jupyterhub_config.py): c.JupyterHub.log_file = '/var/log/hub.log'.
var traitletsLineRE = regexp.MustCompile(`(?m)^[ \t]*c\.([A-Z]\w*\.[A-Za-z_]\w*)[ \t]*(?:=|\+=|\.append\(|\.update\(|\[)`)

// traitletsBlock reads the settings of a traitlets config file snippet;
// the rest of a Python snippet is code, not claims.
func (e *extractor) traitletsBlock(s snippet) {
	for _, m := range traitletsLineRE.FindAllStringSubmatchIndex(s.text, -1) {
		name := s.text[m[2]:m[3]]
		j := e.blockJudgement(s, m[2], name)
		e.add(verify.Claim{Kind: verify.Config, Name: name, Text: name, Source: verify.ConfigBlock, Explicit: true,
			Safety: j.safety, Historical: j.historical, Owner: j.owner, Context: j.context}, s.toDoc(m[2]))
	}
}
