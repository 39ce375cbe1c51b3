package index

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/docverify/docverify/extract/configblock"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// maxMentions bounds the evidence kept for one name: a few places make the
// point, and a name in every file would flood the output.
const maxMentions = 5

// lockFiles list names that never say anything about a name being used.
var lockFiles = map[string]bool{"package-lock.json": true, "yarn.lock": true, "pnpm-lock.yaml": true, "go.sum": true,
	"Cargo.lock": true, "poetry.lock": true, "Pipfile.lock": true, "composer.lock": true, "Gemfile.lock": true, "uv.lock": true}

// structured maps file endings of config files to their format, whose
// nested keys are matched as dotted paths.
var structured = map[string]configblock.Format{".yaml": configblock.YAML, ".yml": configblock.YAML, ".json": configblock.JSON,
	".toml": configblock.TOML, ".properties": configblock.Properties, ".ini": configblock.INI, ".cfg": configblock.INI}

// Mentions searches every file that is not a doc for the text of the
// queried names, and returns where each appears. Config keys are also
// matched as nested keys of YAML, JSON, TOML, INI and properties files.
//
// With a cache, what each file holds of the names is remembered by the
// file's identity (size, times, inode), so a run searches only the files
// that changed for the names searched before, and every file only for
// names it has not searched before: a save hook's run after one edit
// reads the one file again, not the tree.
func (ix *Indexer) Mentions(ctx context.Context, qs []verify.MentionQuery) (map[string][]verify.Evidence, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	c := ix.opts.Cache
	if c == nil {
		all := make([]int, len(ix.files))
		for i := range all {
			all[i] = i
		}
		hits, err := ix.searchFiles(ctx, qs, all)
		if err != nil {
			return nil, err
		}
		ix.Stats.TextSearched = len(hits)
		return mergeHits(hits, qs), nil
	}
	idents := make([]fileIdent, len(ix.files))
	for i, fs := range ix.files {
		if info, err := os.Lstat(filepath.Join(ix.opts.Root, filepath.FromSlash(fs.path))); err == nil {
			idents[i] = identOf(info)
		}
	}
	paths := ix.paths()
	plan := c.planMentions(paths, idents, qs)
	for _, batch := range plan.batches {
		if len(batch.files) == 0 {
			continue
		}
		hits, err := ix.searchFiles(ctx, batch.qs, batch.files)
		if err != nil {
			c.forgetMentions()
			return nil, err
		}
		c.rememberHits(paths, idents, batch, hits)
	}
	found, searched := c.answer(plan, qs)
	ix.Stats.TextSearched = searched
	return found, nil
}

// paths lists the indexer's files by index.
func (ix *Indexer) paths() []string {
	out := make([]string, len(ix.files))
	for i, fs := range ix.files {
		out[i] = fs.path
	}
	return out
}

// fileHits is what one file holds of a set of queried names: the
// mentions of each, and the evidence that its parts appear together
// (the weakest, counted only for keys mentioned whole nowhere).
type fileHits struct {
	Mentions map[string][]verify.Evidence
	Together map[string][]verify.Evidence
}

// mergeHits answers the queries from every file's hits: of each name's
// mentions, the maxMentions first by position in code and apart, as
// keepFirst keeps them; parts found together only where the name is
// mentioned whole nowhere.
func mergeHits(files map[string]*fileHits, qs []verify.MentionQuery) map[string][]verify.Evidence {
	out := map[string][]verify.Evidence{}
	together := map[string][]verify.Evidence{}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	want := map[string]bool{}
	for _, q := range qs {
		want[q.Name] = true
	}
	for _, p := range paths {
		h := files[p]
		for name, evs := range h.Mentions {
			if want[name] {
				for _, e := range evs {
					out[name] = keepFirst(out[name], e)
				}
			}
		}
		for name, evs := range h.Together {
			if want[name] {
				together[name] = append(together[name], evs...)
			}
		}
	}
	for name, evs := range together {
		if len(out[name]) == 0 {
			sortEvidence(evs)
			out[name] = evs[:min(len(evs), maxMentions)]
		}
	}
	return out
}

func sortEvidence(evs []verify.Evidence) {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Pos.Before(evs[j].Pos) })
}

// searchFiles reads the files given by index for the text of the
// queried names, and returns what each file holds, by path; a file it
// could not read, or does not search (lock files, minified bundles), has
// no entry.
func (ix *Indexer) searchFiles(ctx context.Context, qs []verify.MentionQuery, which []int) (map[string]*fileHits, error) {
	want := map[string]bool{}
	leaves := map[string][]string{} // last segment of a config key → full keys
	// parts are the last two segments of dotted config keys, lower-cased:
	// a file holding both is weak evidence that it handles the key.
	type keyParts struct{ name, parent, leaf string }
	var dotted []keyParts
	segments := map[string]bool{}
	// A flag's bare word is a mention only where it is written like a
	// flag: "keyfile" in a comment or a keyword argument is not --keyfile.
	flagOnly := map[string]bool{}
	near := newNearIndex()
	passes := map[string]bool{} // env prefixes: VITE_
	for _, q := range qs {
		if w, ok := strings.CutPrefix(q.Name, verify.NearPrefix); ok {
			near.add(w)
			continue
		}
		if p, ok := strings.CutPrefix(q.Name, verify.PassPrefix); ok {
			passes[p] = true
			continue
		}
		if q.Kind == verify.Flag && !want[q.Name] && !strings.ContainsAny(q.Name, "-.") {
			flagOnly[q.Name] = true
		} else {
			delete(flagOnly, q.Name)
		}
		want[q.Name] = true
		if q.Kind == verify.Config || q.Kind == verify.Feature {
			i := strings.LastIndexByte(q.Name, '.')
			leaves[strings.ToLower(q.Name[i+1:])] = append(leaves[strings.ToLower(q.Name[i+1:])], q.Name)
			if segs := strings.Split(strings.ToLower(q.Name), "."); q.Kind == verify.Config && len(segs) >= 2 {
				kp := keyParts{q.Name, segs[len(segs)-2], segs[len(segs)-1]}
				dotted = append(dotted, kp)
				segments[kp.parent], segments[kp.leaf] = true, true
			}
		}
	}
	result := map[string]*fileHits{}
	var mu sync.Mutex
	err := ix.eachOf(ctx, which, func(_ *lang.Worker, i int) {
		fs := &ix.files[i]
		if lockFiles[path.Base(fs.path)] || strings.HasSuffix(fs.path, ".min.js") || strings.HasSuffix(fs.path, ".map") {
			return
		}
		src, err := ix.read(fs.path)
		if err != nil {
			return // reported by the phases that need the file; data files may be large
		}
		hits := &fileHits{Mentions: map[string][]verify.Evidence{}}
		defer func() {
			mu.Lock()
			result[fs.path] = hits
			ix.Stats.TextRead++
			mu.Unlock()
		}()
		add := func(name string, e verify.Evidence) {
			hits.Mentions[name] = keepFirst(hits.Mentions[name], e)
		}
		format, isStructured := structured[path.Ext(fs.path)]
		docText := fs.lang == nil && isDocText(fs.path)
		var li *lines // built on the first match only: most files have none
		at := func(off int) verify.Pos {
			if li == nil {
				li = lineIndex(src)
			}
			return li.pos(fs.path, src, off)
		}
		structuredHit := false
		var seen map[string]int // key parts seen in this file, at their first offset
		found := func(name string, off int) {
			// in a data or text file a quoted word is a key or a value
			// ("rules": in a JSON file); only --rules is the flag there
			if flagOnly[name] && (!writtenAsFlag(src, off, len(name)) || fs.lang == nil && src[off-1] != '-') {
				return
			}
			e := verify.Evidence{Pos: at(off), Name: name, Via: "mentioned in " + kindOfFile(fs.path, fs.lang), Strength: verify.Mention, InCode: fs.lang != nil}
			if envPlaceholderBefore(src, off) {
				// Symfony's %env(NAME)% in a config file reads the variable
				e.Via, e.Strength = "%env()% in "+kindOfFile(fs.path, fs.lang), verify.Read
			}
			add(name, e)
		}
		part := func(t []byte, off int) {
			if len(segments) == 0 || len(t) > 64 {
				return
			}
			low := string(t)
			if !segments[low] {
				low = strings.ToLower(low)
				if !segments[low] {
					return
				}
			}
			if seen == nil {
				seen = map[string]int{}
			}
			if _, ok := seen[low]; !ok {
				seen[low] = off
			}
		}
		tokens(src, func(t []byte, off int) {
			// Map lookups keyed by string(bytes) do not allocate.
			if want[string(t)] {
				found(string(t), off)
			}
			if passes[string(t)] && passesOn(src, off, len(t)) {
				add(verify.PassPrefix+string(t), verify.Evidence{Pos: at(off), Name: string(t) + "*", Via: "a prefix the code selects variables by, in " + kindOfFile(fs.path, fs.lang), Strength: verify.Read})
			}
			// a near spelling counts where the text writes a name: in source
			// code a string literal, a flag or a shell expansion, not a word
			// of a comment; anywhere in a build, config or data file
			if near.n > 0 && !docText && (fs.lang == nil || isStructured || quotedWhole(src, off, len(t)) || writesName(src, off)) {
				near.match(t, func(w string) {
					add(verify.NearPrefix+w, verify.Evidence{Pos: at(off), Name: string(t), Via: "mentioned in " + kindOfFile(fs.path, fs.lang), Strength: verify.Mention})
				})
			}
			part(t, off)
			if isStructured && !structuredHit && hasLeaf(leaves, t) {
				structuredHit = true
			}
			if bytes.IndexByte(t, '.') < 0 {
				return
			}
			eachRun(t, func(start, end int) {
				if want[string(t[start:end])] {
					found(string(t[start:end]), off+start)
				}
				part(t[start:end], off+start)
				if isStructured && !structuredHit && hasLeaf(leaves, t[start:end]) {
					structuredHit = true
				}
			})
		})
		if structuredHit {
			ix.structuredMentions(fs.path, src, format, leaves, kindOfFile(fs.path, fs.lang), add)
		}
		for _, kp := range dotted {
			leafOff, ok1 := seen[kp.leaf]
			_, ok2 := seen[kp.parent]
			if ok1 && ok2 {
				e := verify.Evidence{Pos: at(leafOff), Name: kp.name,
					Via: fmt.Sprintf("its parts %s and %s appear together in %s", kp.parent, kp.leaf, kindOfFile(fs.path, fs.lang)), Strength: verify.Mention}
				if hits.Together == nil {
					hits.Together = map[string][]verify.Evidence{}
				}
				hits.Together[kp.name] = append(hits.Together[kp.name], e)
			}
		}
	})
	return result, err
}

// eachRun calls fn with every proper run of the dot-separated parts of a
// token, so that process.env.FEED_X holds FEED_X and cfg.retry.max_attempts
// holds retry.max_attempts. The whole token is not included.
func eachRun(tok []byte, fn func(start, end int)) {
	var dots []int
	for i, c := range tok {
		if c == '.' {
			dots = append(dots, i)
		}
	}
	if len(dots) > 8 {
		return
	}
	starts := append([]int{0}, dots...)
	for si, s := range starts {
		if si > 0 {
			s++ // after the dot
		}
		for _, e := range append(dots[si:], len(tok)) {
			if (s != 0 || e != len(tok)) && e > s {
				fn(s, e)
			}
		}
	}
}

// hasLeaf reports whether a token is the last segment of a queried config
// key, in any case.
func hasLeaf(leaves map[string][]string, t []byte) bool {
	if len(leaves[string(t)]) > 0 {
		return true
	}
	for _, c := range t {
		if c >= 'A' && c <= 'Z' {
			return len(leaves[strings.ToLower(string(t))]) > 0
		}
	}
	return false
}

// structuredMentions matches config keys against the nested keys of a
// config file: retry.max_attempts is a key of retry: {max_attempts: 3}.
func (ix *Indexer) structuredMentions(p string, src []byte, f configblock.Format, leaves map[string][]string, what string, add func(string, verify.Evidence)) {
	root, err := configblock.Parse(f, string(src))
	if err != nil {
		return
	}
	li := lineIndex(src)
	for _, l := range root.Leaves() {
		key := strings.Join(l.Path, ".")
		for _, name := range leaves[strings.ToLower(l.Path[len(l.Path)-1])] {
			if strings.EqualFold(key, name) || strings.HasSuffix(strings.ToLower(key), "."+strings.ToLower(name)) {
				add(name, verify.Evidence{Pos: li.pos(p, src, max(l.Offset, 0)), Name: key, Via: "key in " + what, Strength: verify.Mention})
			}
		}
	}
}

// lines is a sorted list of line starts, with a cursor: positions asked
// for in order along one line (a minified JSON file's thousand matches)
// count characters from the last one, not from the line's start each time.
type lines struct {
	starts          []int
	curLine, curOff int
	curCol          int
}

func lineIndex(src []byte) *lines {
	ls := &lines{starts: []int{0}, curLine: -1}
	for i, b := range src {
		if b == '\n' {
			ls.starts = append(ls.starts, i+1)
		}
	}
	return ls
}

// pos converts a byte offset into a position with a column in characters.
func (ls *lines) pos(file string, src []byte, off int) verify.Pos {
	lo, hi := 0, len(ls.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if ls.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	i, col := ls.starts[lo], 1
	if lo == ls.curLine && off >= ls.curOff {
		i, col = ls.curOff, ls.curCol
	}
	for ; i < off && i < len(src); i++ {
		if src[i]&0xC0 != 0x80 {
			col++
		}
	}
	ls.curLine, ls.curOff, ls.curCol = lo, i, col
	return verify.Pos{File: file, Line: lo + 1, Col: col}
}

// envPlaceholderRE is the start of a Symfony env placeholder, with its
// processors: %env(, %env(int:, %env(default:fallback:.
var envPlaceholderRE = regexp.MustCompile(`%env\((?:[a-z_]+:)*$`)

// envPlaceholderBefore reports whether the name at off is inside a
// %env(...)% placeholder.
func envPlaceholderBefore(src []byte, off int) bool {
	start := max(0, off-64)
	return bytes.Contains(src[start:off], []byte("%env(")) && envPlaceholderRE.Match(src[start:off])
}

// argumentObjects are the names code gives the parsed arguments of a
// command line: argv.file reads --file where no parser declares it.
var argumentObjects = []string{"argv", "args", "opts", "options", "flags", "cli", "program", "params"}

// writtenAsFlag reports whether the word at src[off:off+n] is written the
// way code names a flag: after dashes (--file), quoted whole ("file",
// 'file'), or as a field of the parsed arguments (argv.file).
func writtenAsFlag(src []byte, off, n int) bool {
	if off == 0 {
		return false
	}
	switch before := src[off-1]; before {
	case '-':
		return true
	case '"', '\'', '`':
		return quotedWhole(src, off, n)
	case '.':
		for _, o := range argumentObjects {
			if off-1 >= len(o) && string(src[off-1-len(o):off-1]) == o && (off-1 == len(o) || !isWord(src[off-2-len(o)])) {
				return true
			}
		}
	}
	return false
}

// nearIndex finds the tokens one typo (verify.OneTypo) from a set of
// words: the words are filed under their first and last three letters, so
// a token costs two map lookups, and a comparison only when it shares an
// end with a word of about its length.
type nearIndex struct {
	ends map[string][]string
	// words holds the names of two words or more under their words in
	// order (acceptance_test under "acceptance test"), for the code's
	// names that write the same words the other way round (test_acceptance)
	words map[string][]string
	n     int
}

func newNearIndex() *nearIndex {
	return &nearIndex{ends: map[string][]string{}, words: map[string][]string{}}
}

// noSeparators drops the separators of a name's words.
var noSeparators = strings.NewReplacer("_", "", "-", "", ".", "")

// sortedWords is a name's words, lower-cased and sorted, joined by
// spaces; "" for a name of one word.
func sortedWords(name string) string {
	ws := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(ws) < 2 {
		return ""
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

func (x *nearIndex) add(w string) {
	if len(w) < minNear {
		return
	}
	lw := strings.ToLower(w)
	if k := sortedWords(w); k != "" {
		x.words[k] = append(x.words[k], w)
	}
	x.ends["<"+lw[:3]] = append(x.ends["<"+lw[:3]], w)
	x.ends[">"+lw[len(lw)-3:]] = append(x.ends[">"+lw[len(lw)-3:]], w)
	x.n++
}

// minNear is the shortest word matched against the code's tokens: a
// shorter one is one typo from too many of them (projectA, projects).
const minNear = 10

func (x *nearIndex) match(t []byte, fn func(w string)) {
	if len(t) < minNear-1 || len(t) > 80 {
		return
	}
	if sep := func(c byte) bool { return c == '_' || c == '-' || c == '.' }; sep(t[0]) || sep(t[len(t)-1]) {
		return // acceptance_test_ in "acceptance_test_$(BUILD)": the start of a name built from parts
	}
	if len(x.words) > 0 && bytes.ContainsAny(t, "_-") {
		for _, w := range x.words[sortedWords(string(t))] {
			if !strings.EqualFold(noSeparators.Replace(w), noSeparators.Replace(string(t))) {
				fn(w) // test_acceptance for a doc's acceptance_test, not acceptance-test
			}
		}
	}
	var key [4]byte
	for _, end := range []byte{'<', '>'} {
		key[0] = end
		part := t[:3]
		if end == '>' {
			part = t[len(t)-3:]
		}
		for i, c := range part {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			key[i+1] = c
		}
		for _, w := range x.ends[string(key[:])] {
			if d := len(w) - len(t); d > 1 || d < -1 || end == '>' && strings.EqualFold(w[:3], string(t[:3])) {
				continue // too long or short, or tried under its first letters
			}
			// a plural is a slip too here (--exclude-namespace for the
			// code's "exclude-namespaces"); verify decides where it is not
			if verify.OneTypo(string(t), w) || verify.Plural(string(t), w) {
				fn(w)
			}
		}
	}
}

// prefixUseRE finds, just before a quoted env prefix, a setting that names
// the prefix of the variables passed through (envPrefix = 'VITE_',
// env_prefix: "APP_"). A prefix the code builds names with
// (taskVarPrefix = "TASK_") or tests one name against is not one.
var prefixUseRE = regexp.MustCompile(`(?i)env_?prefix(es)?\s*(=|:|\?\?|\|\|)\s*(\[\s*)?$`)

// passesOn reports whether the quoted prefix at src[off:off+n] is one the
// code selects variables by: every variable that starts with it is read.
func passesOn(src []byte, off, n int) bool {
	return quotedWhole(src, off, n) && prefixUseRE.Match(src[max(0, off-1-48):off-1])
}

// writesName reports whether the token at off is written as a name: a
// flag (--name), a shell expansion ($NAME, ${NAME}).
func writesName(src []byte, off int) bool {
	if off == 0 {
		return false
	}
	switch src[off-1] {
	case '-', '$':
		return true
	case '{':
		return off >= 2 && src[off-2] == '$'
	}
	return false
}

// quotedWhole reports whether src[off:off+n] is a whole string literal:
// the same quote right before and right after it.
func quotedWhole(src []byte, off, n int) bool {
	if off == 0 || off+n >= len(src) {
		return false
	}
	q := src[off-1]
	return (q == '"' || q == '\'' || q == '`') && src[off+n] == q
}

// docTextExts are the endings of documents and tables that are not
// Markdown: renderings of the docs (MANUAL.html, a man page), notes and
// data kept beside them.
var docTextExts = map[string]bool{".html": true, ".htm": true, ".txt": true, ".rst": true, ".adoc": true, ".tex": true,
	".tsv": true, ".csv": true, ".1": true, ".5": true, ".8": true, ".pdf": true, ".org": true, ".textile": true}

// docDirs are the top-level folders that hold documentation.
var docDirs = map[string]bool{"doc": true, "docs": true, "documentation": true, "site": true, "website": true, "man": true, "guide": true, "manual": true}

// isDocText reports whether a file that is not source code is text for
// readers, not for a program: a document of any format, or any file in a
// documentation folder. Its spelling of a name is the docs', so it is no
// evidence of what name the code has.
func isDocText(p string) bool {
	if docTextExts[strings.ToLower(path.Ext(p))] {
		return true
	}
	top, _, nested := strings.Cut(p, "/")
	return nested && docDirs[strings.ToLower(top)]
}

// keepFirst adds a mention to a name's list and keeps, of those in code
// and of the others apart, the maxMentions first by position: five in
// generated docs must not crowd out the one in a source file (the
// evidence that matters for a built name's source), and which ones are
// kept must not depend on which worker got there first.
func keepFirst(list []verify.Evidence, e verify.Evidence) []verify.Evidence {
	i := sort.Search(len(list), func(i int) bool { return e.Pos.Before(list[i].Pos) })
	list = append(list, verify.Evidence{})
	copy(list[i+1:], list[i:])
	list[i] = e
	same := 0
	for j := 0; j < len(list); j++ {
		if list[j].InCode != e.InCode {
			continue
		}
		if same++; same > maxMentions {
			return append(list[:j], list[j+1:]...)
		}
	}
	return list
}
