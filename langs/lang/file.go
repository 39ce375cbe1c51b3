package lang

import (
	"regexp"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/lines"
)

// File is the state of one file being indexed. Custom handlers use its
// exported methods to add facts.
type File struct {
	Path  string
	Src   []byte
	Facts *verify.FileFacts
	spec  *Spec
	proj  Project
	calls []CallSite // the repository's own read functions
	// locals holds what the constants and local variables of the file are
	// assigned, as expression parts, so that reads through them resolve
	// without the index: a literal, or "APP_" + key. A local is scoped to
	// its function.
	locals  map[localKey][]Part
	derives []verify.Derivation
	// iterates is set when the file walks the whole environment; prefixes
	// are the env-prefix literals it holds.
	iterates bool
	// dashed are the sites that turn snake_case names into kebab-case
	// ones, flags if the file has flags (see finish)
	dashed []verify.Site
	// upperCased are the names of the code upper-cased after an env
	// prefix, env names if the file touches the environment (see finish)
	upperCased []verify.DynamicRead
	prefixTest bool
	prefixes   []prefixLiteral
	// splitWords is set when the file gives an env library a key
	// replacer it computes (see verify.Derivation.SplitWords).
	splitWords bool
	lineTable  *lines.Table
}

// SplitEnvWords records that the file's env derivations may split a
// camelCase key into words: the code computes the key replacer.
func (f *File) SplitEnvWords() { f.splitWords = true }

// localKey names a constant (fn 0) or a local variable of the function
// that starts at byte fn.
type localKey struct {
	fn   uint32
	name string
}

type prefixLiteral struct {
	value string
	site  verify.Site
}

// constants reads the constant and local captures of one match.
func (f *File) constants(c *query, caps []sitter.QueryCapture) {
	for _, cp := range caps {
		var valueName string
		key := localKey{name: cp.Node.Content(f.Src)}
		switch c.actions[cp.Index].op {
		case opConstName:
			valueName = "const.value"
		case opLocalName:
			valueName = "local.value"
			key.fn = f.functionAt(cp.Node)
		default:
			continue
		}
		v := capture(c, caps, valueName)
		if v == nil {
			continue
		}
		if _, seen := f.locals[key]; seen {
			f.locals[key] = []Part{{Unknown: true}} // assigned twice: not a constant
			continue
		}
		f.locals[key] = f.spec.Value(v, f.Src)
		if valueName == "const.value" {
			if lit, ok := f.Literal(v); ok {
				f.Facts.Consts = append(f.Facts.Consts, verify.Const{Name: key.name, Value: lit})
			}
		}
	}
}

// maxFunctionSearch bounds the walk up from a node to its function:
// tree-sitter finds a node's parent from the root, so a walk up a deep
// nest (500 object literals in one) costs the square of its depth; a
// node that deep is taken to be at file scope.
const maxFunctionSearch = 256

// functionAt is the start byte of the function around n, 0 outside one.
func (f *File) functionAt(n *sitter.Node) uint32 {
	i := 0
	for p := n.Parent(); p != nil && i < maxFunctionSearch; p, i = p.Parent(), i+1 {
		if _, ok := f.spec.Function(p, f.Src); ok {
			return p.StartByte() + 1
		}
	}
	return 0
}

// expand replaces references to the constants and locals of the file in
// the parts of an expression at node n by what they are assigned.
func (f *File) expand(parts []Part, n *sitter.Node) ([]Part, string) {
	through := ""
	// the function is looked up only for a reference to resolve: most
	// parts are literals
	fn, fnKnown := uint32(0), false
	for depth := 0; depth < 4; depth++ {
		var out []Part
		changed := false
		for _, p := range parts {
			if p.Ref == "" {
				out = append(out, p)
				continue
			}
			if !fnKnown {
				fn, fnKnown = f.functionAt(n), true
			}
			v, ok := f.locals[localKey{fn, p.Ref}]
			if !ok {
				v, ok = f.locals[localKey{0, p.Ref}]
			}
			if !ok || (len(v) == 1 && v[0].Ref == p.Ref) {
				out = append(out, p)
				continue
			}
			out = append(out, v...)
			through, changed = p.Ref, true
		}
		parts = out
		if !changed {
			break
		}
	}
	return parts, through
}

// match turns the captures of one match into facts.
func (f *File) match(c *query, caps []sitter.QueryCapture) {
	via := ""
	if v := capture(c, caps, "via"); v != nil {
		via = f.Text(v)
	}
	negatable := capture(c, caps, "flag.negatable") != nil
	for _, cp := range caps {
		a := c.actions[cp.Index]
		n := cp.Node
		v := via
		if v == "" {
			v = a.name
		}
		switch a.op {
		case opRead:
			if sec := capture(c, caps, "config.section"); sec != nil {
				if s, ok := f.Literal(sec); ok {
					if k, ok := f.Literal(n); ok {
						f.ReadName(a.kind, s+"."+k, n, v, false)
					}
					continue
				}
			}
			f.Read(a.kind, n, v, negatable)
		case opReadName:
			f.ReadName(a.kind, n.Content(f.Src), n, v, negatable)
		case opReadList:
			if lit, ok := f.Literal(n); ok {
				for _, name := range strings.Split(lit, ",") {
					if name = strings.TrimSpace(name); name != "" {
						f.ReadName(a.kind, name, n, v, false)
					}
				}
			}
		case opFlagSpec:
			if lit, ok := f.Literal(n); ok {
				for _, name := range FlagSpec(lit) {
					f.ReadName(verify.Flag, name, n, v, negatable)
				}
			}
		case opFlagField:
			name, ok := f.Literal(n)
			if !ok {
				name = n.Content(f.Src)
			}
			if k := Kebab(name); k != "" {
				f.ReadName(verify.Flag, k, n, v, negatable)
			}
		case opCallFunc:
			if arg := capture(c, caps, "call.arg"); arg != nil {
				f.call(n, arg)
			} else if p := capture(c, caps, "call.param"); p != nil {
				f.forward(n, p)
			}
		case opProgram:
			if f.Facts.Test {
				continue
			}
			if name := f.spec.Program(f.Path, f.proj); name != "" {
				f.Facts.Programs = append(f.Facts.Programs, verify.Program{Name: name, Site: f.Site(n), Via: f.spec.Name + " entry point"})
			}
		case opFlagFromNames:
			f.dashed = append(f.dashed, f.Site(n)) // judged in finish
		case opEnvFromNamesTemplate:
			if prefix, ok := templateEnvPrefix(n.Content(f.Src)); ok {
				f.upperCased = append(f.upperCased, verify.DynamicRead{Kind: verify.Env, Prefix: prefix, Site: f.Site(n), Via: "names of the code upper-cased after " + prefix, FromNames: true})
			}
		case opEnvFromNamesCaller:
			if fn := n.ChildByFieldName("name"); fn != nil {
				f.upperCased = append(f.upperCased, verify.DynamicRead{Kind: verify.Env, Site: f.Site(fn), Via: "names of the code upper-cased after a prefix the callers of " + fn.Content(f.Src) + " give", FromNames: true, CallerPrefix: true})
			}
		case opEnvFromNames:
			if lit, ok := f.Literal(n); ok && EnvPrefix(lit) != "" {
				f.upperCased = append(f.upperCased, verify.DynamicRead{Kind: verify.Env, Prefix: EnvPrefix(lit), Site: f.Site(n), Via: "names of the code upper-cased after " + EnvPrefix(lit), FromNames: true})
			}
		case opDerive:
			f.Derive(verify.Derivation{Kind: a.kind, From: a.from, Nest: "_", Site: f.Site(n), Via: v})
		case opDerivePrefix:
			if lit, ok := f.Literal(n); ok {
				prefix := EnvPrefix(lit)
				if a.kind == verify.Flag {
					prefix = strings.TrimLeft(lit, "-") // "--no-" builds no-<flag>
				}
				f.Derive(verify.Derivation{Kind: a.kind, From: a.from, Prefix: prefix, Nest: "_", Site: f.Site(n), Via: v})
			}
		case opEnvIterate:
			f.iterates = true
		case opEnvPrefixTest:
			f.prefixTest = true
		case opEnvPrefixLiteral:
			if lit, ok := f.Literal(n); ok {
				f.prefixes = append(f.prefixes, prefixLiteral{lit, f.Site(n)})
			}
		case opCustom:
			a.custom(f, n)
		}
	}
}

// EnvPrefix is the prefix libraries put before derived env names: APP
// becomes APP_.
func EnvPrefix(p string) string {
	p = strings.ToUpper(p)
	if p != "" && !strings.HasSuffix(p, "_") {
		p += "_"
	}
	return p
}

// call records a call with a name-like literal argument.
func (f *File) call(fn, arg *sitter.Node) {
	if fn == nil || arg == nil {
		return
	}
	lit, ok := f.Literal(arg)
	if !ok || lit == "" {
		return
	}
	idx := argIndex(arg)
	for _, cs := range f.calls {
		if cs.Arg == idx && cs.matches(calleeText(fn, f.Src)) {
			f.ReadName(cs.Kind, lit, arg, cs.Via, false)
		}
	}
	if NameLike(lit) {
		f.Facts.Calls = append(f.Facts.Calls, verify.Call{Func: calleeName(fn, f.Src), Arg: idx, Value: lit, Site: f.Site(arg)})
	}
}

// calleeText is a call's function as written, without spaces or type
// arguments: cfg.Var, flags.Enabled. Where the grammar keeps the method
// name apart from its object (Java's method_invocation), the object is
// put back in front.
func calleeText(fn *sitter.Node, src []byte) string {
	text := fn.Content(src)
	if p := fn.Parent(); p != nil {
		if name, obj := p.ChildByFieldName("name"), p.ChildByFieldName("object"); name != nil && obj != nil && name.StartByte() == fn.StartByte() && name.EndByte() == fn.EndByte() {
			text = obj.Content(src) + "." + text
		}
	}
	name := strings.Join(strings.Fields(text), "")
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i]
	}
	return name
}

// calleeName is the name a call's function is known by: its last segment
// (cfg.Var → Var), without type arguments (getEnvAs[T] → getEnvAs).
func calleeName(fn *sitter.Node, src []byte) string {
	name := fn.Content(src)
	if i := strings.IndexByte(name, '['); i > 0 {
		name = name[:i]
	}
	if i := strings.LastIndexAny(name, ".:>"); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// forward records a call that passes a parameter of the enclosing
// function on, so that wrappers of wrappers are found.
func (f *File) forward(fn, arg *sitter.Node) {
	outer, idx := f.paramOf(arg, arg.Content(f.Src))
	if idx < 0 || outer == "" {
		return
	}
	f.Facts.Forwards = append(f.Facts.Forwards, verify.Forward{Func: outer, Param: idx, Callee: calleeName(fn, f.Src), Arg: argIndex(arg)})
}

// argIndex is the position of an argument among its siblings.
func argIndex(n *sitter.Node) int {
	if p := n.Parent(); p != nil && p.Type() == "type_conversion_expression" {
		return 0 // f[T](x): the one argument
	}
	i := 0
	for s := n.PrevNamedSibling(); s != nil; s = s.PrevNamedSibling() {
		if s.Type() != "comment" {
			i++
		}
	}
	return i
}

// definesFlags reports a file with a flag read site of its own.
func (f *File) definesFlags() bool {
	for _, r := range f.Facts.Reads {
		if r.Kind == verify.Flag {
			return true
		}
	}
	return false
}

// flagDashesRE finds a literal that opens a flag built at run time: "--"
// alone, or "--" before a hole ("--%s", f"--{name}", `--${name}`).
var flagDashesRE = regexp.MustCompile("[\"'`]--(?:[\"'`]|%s|%v|\\{|\\$\\{)")

// envWordRE finds a word about the environment in any language's
// spelling: getenv, process.env, os.environ, ENV[, EnvVar, dotenv.
var envWordRE = regexp.MustCompile(`(?i)env`)

// finish emits the derivations of the file. When a library was given a
// prefix (viper's SetEnvPrefix), its unprefixed form is not what it reads.
// A file that walks the whole environment, tests prefixes and holds
// env-prefix literals ("VITE_") reads names with those prefixes at run
// time; one that copies the whole environment without filtering does not
// say which names matter.
func (f *File) finish() {
	// snake_case turned into kebab-case makes flags only in a file that
	// defines flags or writes the dashes that open one ("--" + name,
	// f"--{name}"); elsewhere it names grammar rules, CSS classes, slugs
	if len(f.dashed) > 0 && (f.definesFlags() || flagDashesRE.Match(f.Src)) {
		for _, site := range f.dashed {
			f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: verify.Flag, Site: site, Via: "names of the code turned into --dashed-flags", FromNames: true})
		}
	}
	// "APP_" + key.toUpperCase() names env vars only in a file that
	// touches the environment (os.Getenv, process.env, an EnvVarName
	// method); elsewhere it makes storage keys, constants, message ids
	if len(f.upperCased) > 0 && envWordRE.Match(f.Src) {
		f.Facts.Dynamic = append(f.Facts.Dynamic, f.upperCased...)
	}
	if f.iterates && f.prefixTest {
		seen := map[string]bool{}
		for _, p := range f.prefixes {
			if !seen[p.value] {
				seen[p.value] = true
				f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: verify.Env, Prefix: p.value, Site: p.site, Via: "the environment filtered by prefix"})
			}
		}
	}
	prefixed := map[[2]verify.Kind]bool{}
	for _, d := range f.derives {
		if d.Prefix != "" {
			prefixed[[2]verify.Kind{d.Kind, d.From}] = true
		}
	}
	seen := map[string]bool{}
	for _, d := range f.derives {
		if d.Prefix == "" && d.Scope == "" && !d.Independent && prefixed[[2]verify.Kind{d.Kind, d.From}] {
			continue
		}
		key := d.Kind.String() + d.From.String() + d.Prefix + d.Scope + d.Nest
		if seen[key] {
			continue
		}
		seen[key] = true
		d.SplitWords = f.splitWords && d.Kind == verify.Env
		f.Facts.Derives = append(f.Facts.Derives, d)
	}
}

// Derive records a run-time name derivation.
func (f *File) Derive(d verify.Derivation) { f.derives = append(f.derives, d) }

// Read records a read whose name is the value of expression n: a literal,
// a constant, a wrapper's parameter, or a name built at run time.
func (f *File) Read(kind verify.Kind, n *sitter.Node, via string, negatable bool) {
	parts, through := f.expand(f.spec.Value(n, f.Src), n)
	site := f.Site(n)
	lead, mid, tail := split(parts)
	switch {
	case len(mid) == 0:
		name := lead
		if name == "" {
			return
		}
		v := via
		if through != "" {
			v += " of constant " + through
		}
		f.Facts.Reads = append(f.Facts.Reads, verify.ReadSite{Kind: kind, Name: name, Site: site, Via: v, Negatable: negatable})
	case len(mid) == 1 && mid[0].Ref != "":
		if fn, idx := f.paramOf(n, mid[0].Ref); idx >= 0 {
			f.Facts.Wrappers = append(f.Facts.Wrappers, verify.Wrapper{Func: fn, Arg: idx, Kind: kind, Prefix: lead, Suffix: tail, Site: site, Via: via})
			if lead == "" && tail == "" {
				return // every call is resolved through the wrapper
			}
			f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: kind, Prefix: lead, Suffix: tail, Site: site, Via: via, Wrapper: fn})
			return
		} else if lead == "" && tail == "" {
			f.Facts.Refs = append(f.Facts.Refs, verify.Ref{Kind: kind, Ident: mid[0].Ref, Site: site, Via: via})
			return
		}
		f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: kind, Prefix: lead, Suffix: tail, Site: site, Via: via})
	default:
		f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: kind, Prefix: lead, Suffix: tail, Site: site, Via: via, Suffixed: suffixed(mid)})
	}
}

// suffixed reports whether a computed part joins a word onto a computed
// name: a hole, a literal separator, a hole ({envvar}_{platform}).
func suffixed(mid []Part) bool {
	for i := 0; i+2 < len(mid); i++ {
		if mid[i].Ref == "" && !mid[i].Unknown {
			continue
		}
		if sep := mid[i+1]; sep.Ref == "" && !sep.Unknown && strings.Trim(sep.Lit, "_-.") == "" && sep.Lit != "" && (mid[i+2].Ref != "" || mid[i+2].Unknown) {
			return true
		}
	}
	return false
}

// split separates the constant prefix and suffix of an expression from the
// part in between that is computed.
func split(parts []Part) (lead string, mid []Part, tail string) {
	i := 0
	for i < len(parts) && parts[i].Ref == "" && !parts[i].Unknown {
		lead += parts[i].Lit
		i++
	}
	j := len(parts)
	for j > i && parts[j-1].Ref == "" && !parts[j-1].Unknown {
		j--
		tail = parts[j].Lit + tail
	}
	return lead, parts[i:j], tail
}

// paramOf finds the function around n and the index of its parameter
// named ident, or -1.
func (f *File) paramOf(n *sitter.Node, ident string) (string, int) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		fn, ok := f.spec.Function(p, f.Src)
		if !ok {
			continue
		}
		for i, name := range fn.Params {
			if name == ident {
				return fn.Name, i
			}
		}
		return "", -1
	}
	return "", -1
}

// ReadName records a read of a name known as text.
func (f *File) ReadName(kind verify.Kind, name string, n *sitter.Node, via string, negatable bool) {
	if name == "" {
		return
	}
	if prefix, suffix, ok := envPattern(kind, name); ok {
		// env:"OG_CUSTOM_STATIC_LINK_#_NAME": the code's own words for
		// the names it builds, one for each index
		f.Facts.Dynamic = append(f.Facts.Dynamic, verify.DynamicRead{Kind: kind, Prefix: prefix, Suffix: suffix, Site: f.Site(n), Via: via + " " + name})
		return
	}
	f.Facts.Reads = append(f.Facts.Reads, verify.ReadSite{Kind: kind, Name: name, Site: f.Site(n), Via: via, Negatable: negatable})
}

// ReadNameAt records a read of a name that starts at byte off inside
// node n: a key inside a larger literal ("${billing.enabled:true}").
func (f *File) ReadNameAt(kind verify.Kind, name string, n *sitter.Node, off int, via string, negatable bool) {
	if name == "" {
		return
	}
	f.Facts.Reads = append(f.Facts.Reads, verify.ReadSite{Kind: kind, Name: name, Site: f.siteAt(n, off), Via: via, Negatable: negatable})
}

// envPatternRE is an environment variable name with one hole that the
// code fills at run time, written the way code and its struct tags write
// it: APP_#_NAME, APP_{n}_NAME, APP_<INDEX>_NAME, APP_%d_NAME, APP_*.
var envPatternRE = regexp.MustCompile(`^([A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*)(?:#|\{[A-Za-z0-9_]*\}|<[A-Za-z0-9_]+>|%[ds]|\*)((?:_[A-Z0-9]+)*)$`)

// envPattern splits such a name into the parts around its hole.
func envPattern(kind verify.Kind, name string) (prefix, suffix string, ok bool) {
	if kind != verify.Env {
		return "", "", false
	}
	m := envPatternRE.FindStringSubmatch(name)
	if m == nil || len(m[1]) < 4 {
		return "", "", false
	}
	return m[1], m[2], true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }

// BindSection records that the keys of class sit under a config section:
// billing.retry becomes a chain of synthetic structures (@billing holds
// retry) that ends at the class, so that billing.retry.max_attempts
// resolves through the class's fields. An empty section makes the class's
// keys top-level. Spring's @ConfigurationProperties(prefix) and .NET's
// Configure<T>(GetSection("Billing")) both bind this way.
func (f *File) BindSection(section []string, at *sitter.Node, class, via string) {
	if len(section) == 0 {
		f.Facts.Roots = append(f.Facts.Roots, verify.Root{Type: class, Site: f.Site(at), Via: via})
		return
	}
	owner := "@"
	for i, seg := range section {
		typ := "@" + strings.Join(section[:i+1], ".")
		if i == len(section)-1 {
			typ = class
		}
		f.AddField(verify.Field{Owner: owner, Key: seg, Type: typ, Site: f.Site(at), Via: via})
		owner = typ
	}
}

// AddField records a key of a config structure.
func (f *File) AddField(fl verify.Field) { f.Facts.Fields = append(f.Facts.Fields, fl) }

// Literal returns the value of n when it is a literal (or a constant of
// this file).
func (f *File) Literal(n *sitter.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	var b strings.Builder
	parts, _ := f.expand(f.spec.Value(n, f.Src), n)
	for _, p := range parts {
		if p.Ref != "" || p.Unknown {
			return "", false
		}
		b.WriteString(p.Lit)
	}
	return b.String(), true
}

// argsRE finds an argument list without nested parentheses.
var argsRE = regexp.MustCompile(`\([^()]*\)`)

// Text is a node's text for Via strings: white space folded, argument
// lists emptied (app.Flag("v", "help").Envar reads app.Flag().Envar), cut
// to a readable length.
func (f *File) Text(n *sitter.Node) string {
	s := strings.Join(strings.Fields(n.Content(f.Src)), " ")
	for prev := ""; prev != s; {
		prev = s
		s = argsRE.ReplaceAllString(s, "\x00")
	}
	s = strings.ReplaceAll(s, "\x00", "()")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// Site is the position of a node: 1-based line, 1-based column in
// characters. For a string literal it is the position of its content,
// past the opening quote.
func (f *File) Site(n *sitter.Node) verify.Site { return f.siteAt(n, 0) }

// siteAt is the position of byte at of a node's content, past its
// quotes and string prefix.
func (f *File) siteAt(n *sitter.Node, at int) verify.Site {
	off := int(n.StartByte())
	end := int(n.EndByte())
	if off+1 < end && f.Src[off] == ':' && isLetter(f.Src[off+1]) {
		off++ // a Ruby symbol, :dry_run
	}
	for i := off; i < end && i < off+4; i++ {
		c := f.Src[i]
		if c == '"' || c == '\'' || c == '`' {
			for i < end && (f.Src[i] == c) && i < off+4 {
				i++
			}
			off = i
			break
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '@') {
			break
		}
	}
	line, col := f.lines().Pos(min(off+at, end))
	return verify.Site{Line: line, Col: col}
}

// lines is the file's line table, made on the first site asked for: a
// site's column must not cost a rescan of its line, which in a minified
// file is the whole file.
func (f *File) lines() *lines.Table {
	if f.lineTable == nil {
		f.lineTable = lines.New(f.Src)
	}
	return f.lineTable
}

// templateEnvRE finds a template or f-string that starts with an env
// prefix and upper-cases what it puts after it: `RENOVATE_${n.toUpperCase()}`,
// f"CIBW_{name.upper()}".
var templateEnvRE = regexp.MustCompile(`^(?:[fF]?["']|` + "`" + `)([A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*)(?:\$\{|\{)[^}]*(?:toUpperCase\(|\.upper\(|ToUpper\()`)

// templateEnvPrefix is the env prefix of such a template, if it is one.
func templateEnvPrefix(text string) (string, bool) {
	m := templateEnvRE.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return m[1], true
}
