package verify

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// A real name is suggested for a claimed one when it is within a typo's
// reach — an edit distance of at most one per six characters (ORDERS_DB_ULR
// for ORDERS_DB_URL, --batchsize for --batch-size) — or when the two share
// at least two words and most of their words (SHARED_SECRET_ROTATION for
// SHARED_SECRET_ROTATION_DAYS). Siblings that differ in a whole word
// (db.port and db.host, RATE_LIMIT_BURST and RATE_LIMIT_RPS) are not
// suggested: "did you mean" the wrong setting misleads.
const minWordOverlap = 0.6

// nearest finds the real name closest to a claim's, among names of the
// kinds that can serve it.
func (ix *Index) nearest(c Claim) *Evidence {
	var best *Evidence
	bestScore := 0.0
	claim := newSpelling(c.Name)
	consider := func(name string, e Evidence) {
		// a flag or variable in other letters is another name (--updateOnly
		// for --updateonly); config keys are matched without case already
		if name == c.Name || c.Kind == Config && strings.EqualFold(name, c.Name) {
			return
		}
		if exampleOf(e.Pos.File, c.Pos.File) {
			return // an example program's flag is not a name of the program the doc is about
		}
		s, ok := claim.similarity(ix.spelling(name))
		if !ok {
			return
		}
		if s > bestScore || (s == bestScore && best != nil && name < best.Name) {
			e.Name = name
			ev := e
			best, bestScore = &ev, s
		}
	}
	for _, k := range c.Kind.ServedBy() {
		for key, evs := range ix.reads {
			if key.kind == k && len(evs) > 0 {
				consider(evs[0].Name, firstEvidence(evs))
			}
		}
		if k == Config {
			for key, fs := range ix.byKey {
				if len(fs) > 0 {
					name := key // the key as the code spells it, for the suggestion
					if strings.EqualFold(fs[0].Key, key) {
						name = fs[0].Key
					}
					consider(name, Evidence{Pos: fs[0].pos, Via: fs[0].Via, Strength: Read})
				}
			}
			// upload.retriez: the keys beside it, under the parent it names
			ix.keysBeside(c.Name, func(name string, f fieldSite) {
				consider(name, Evidence{Pos: f.pos, Via: f.Via, Strength: Read})
			})
		}
		if k == Env {
			for _, d := range ix.derivedNames(maxDerivedNames) {
				consider(d.Name, d)
			}
		}
	}
	return best
}

// maxDerivedNames bounds the names derivations are expanded into for
// suggestions, so a repository with thousands of config fields stays fast.
const maxDerivedNames = 5000

// derivedNames lists env names the code builds from config structures,
// config keys and flags, with the site of the field, key or flag.
func (ix *Index) derivedNames(limit int) []Evidence {
	var out []Evidence
	add := func(name string, pos Pos, via string) bool {
		out = append(out, Evidence{Pos: pos, Name: name, Via: via, Strength: Read})
		return len(out) < limit
	}
	for _, d := range ix.derives {
		if d.Kind != Env {
			continue
		}
		sep := d.Nest
		if sep == "" {
			sep = "_"
		}
		for k, evs := range ix.reads {
			if len(evs) == 0 || (d.From != k.kind) || (k.kind == Config && d.Scope != "") {
				continue
			}
			if !add(d.Prefix+envForm(k.name, sep, d.dash()), evs[0].Pos, d.Via) {
				return out
			}
		}
		if d.From != Config {
			continue
		}
		var walk func(owner, prefix string, depth int) bool
		walk = func(owner, prefix string, depth int) bool {
			for _, f := range ix.fieldsOf(owner, depth) {
				name := prefix + envForm(f.Key, d.Nest, d.dash())
				if !add(name, f.pos, d.Via) {
					return false
				}
				if d.Nest != "" && f.Type != "" && depth < 4 {
					if !walk(f.Type, name+d.Nest, depth+1) {
						return false
					}
				}
			}
			return true
		}
		starts := []string{d.Scope}
		if d.Scope == "" {
			starts = ix.topOwners() // an unscoped prefix reaches every structure
		}
		for _, s := range starts {
			if !walk(s, d.Prefix, 0) {
				return out
			}
		}
	}
	return out
}

// topOwners are the config structures no other structure holds, in name
// order: where dotted keys start.
func (ix *Index) topOwners() []string {
	held := map[string]bool{}
	for _, fs := range ix.owners {
		for _, f := range fs {
			held[f.Type] = true
		}
	}
	var out []string
	for o := range ix.owners {
		if !held[o] {
			out = append(out, o)
		}
	}
	sort.Strings(out)
	return out
}

func firstEvidence(evs []Evidence) Evidence {
	best := evs[0]
	for _, e := range evs[1:] {
		if e.Pos.Before(best.Pos) {
			best = e
		}
	}
	return best
}

// similarity scores two names from 0 to 1 — the better of their edit
// similarity and their word overlap — and says whether they are alike
// enough for one to be suggested for the other.
func similarity(a, b string) (float64, bool) {
	return newSpelling(a).similarity(newSpelling(b))
}

// spelling is a name with its lower case and words worked out once: a
// claim is compared with every name the code has, and the names' words
// are the same for every claim.
type spelling struct {
	lower string
	words []string
}

func newSpelling(name string) spelling { return spelling{strings.ToLower(name), words(name)} }

// spelling is the memoised spelling of a name of the code.
func (ix *Index) spelling(name string) spelling {
	if sp, ok := ix.spellings[name]; ok {
		return sp
	}
	if ix.spellings == nil {
		ix.spellings = map[string]spelling{}
	}
	sp := newSpelling(name)
	ix.spellings[name] = sp
	return sp
}

func (sa spelling) similarity(sb spelling) (float64, bool) {
	la, lb := sa.lower, sb.lower
	n := max(len(la), len(lb))
	if n == 0 {
		return 0, false
	}
	// a length apart by more than a typo's reach and a word's share
	// cannot pass either test below: skip the edit distance
	if diff := len(la) - len(lb); (diff > n/6+1 || -diff > n/6+1) && len(sa.words) < 2 && len(sb.words) < 2 {
		return 0, false
	}
	d := levenshtein.ComputeDistance(la, lb)
	edit := 1 - float64(d)/float64(n)
	wa, wb := sa.words, sb.words
	overlap := wordOverlap(wa, wb)
	if oneWordShort(wa, wb) || reordered(wa, wb) {
		// --keyfile for --ssl-keyfile, TASK_OFFLINE for TASK_REMOTE_OFFLINE:
		// the claim lacks one word of the real name
		overlap = max(overlap, minWordOverlap)
	}
	// a swap of two neighbours is one typo, though two edits (--strcit)
	return max(edit, overlap), d <= max(1, n/6) || OneTypo(la, lb) || overlap >= minWordOverlap
}

// oneWordShort reports whether the words of a are those of b with one
// word left out, and a keeps a word long enough to be telling.
func oneWordShort(a, b []string) bool {
	if len(b) != len(a)+1 {
		return false
	}
	long := false
	for _, w := range a {
		long = long || len(w) >= 4
	}
	if !long {
		return false
	}
	for skip := range b {
		match := true
		for i, j := 0, 0; i < len(a); i, j = i+1, j+1 {
			if j == skip {
				j++
			}
			if a[i] != b[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// reordered reports whether two names have the same words in another
// order: SECRET_SESSION and SESSION_SECRET. Two words at least, and not
// the same order, which is the same name spelt otherwise.
func reordered(a, b []string) bool {
	if len(a) < 2 || len(a) != len(b) || slices.Equal(a, b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// wordOverlap is the Jaccard index of two word lists, counted only when
// they share at least two words: one shared word (LOG in LOG_LEVEL and
// LOG_FORMAT) says little.
func wordOverlap(a, b []string) float64 {
	set := map[string]bool{}
	for _, w := range a {
		set[w] = true
	}
	shared := 0
	seen := map[string]bool{}
	for _, w := range b {
		if set[w] && !seen[w] {
			shared++
		}
		seen[w] = true
	}
	if shared < 2 {
		return 0
	}
	union := len(set)
	for w := range seen {
		if !set[w] {
			union++
		}
	}
	return float64(shared) / float64(union)
}

// words splits a name into lower-case words at separators and case changes:
// maxRetryCount, max_retry_count and max-retry.count all give max retry count.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// OneTypo reports whether a and b differ by one typo: a letter added,
// dropped or changed, or two neighbours swapped (foreginKeySuffix). A
// trailing s is not a typo but another word: extra_package is not
// extra_packages.
// Plural reports whether one name is the other with a trailing s.
func Plural(a, b string) bool { return a+"s" == b || b+"s" == a }

func OneTypo(a, b string) bool {
	if a == b || a+"s" == b || b+"s" == a {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch len(b) - len(a) {
	case 0:
		if a[i+1:] == b[i+1:] {
			return true // changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	case 1:
		return a[i:] == b[i+1:] // added
	}
	return false
}

// parentKnown reports whether a dotted key's parent is a structure of
// the code's config (not a map, whose keys are the user's): the key is
// then a claim about this repository's settings.
func (ix *Index) parentKnown(key string) (string, bool) {
	i := strings.LastIndexByte(key, '.')
	if i <= 0 {
		return "", false
	}
	segs := strings.Split(strings.ToLower(key[:i]), ".")
	for _, f := range ix.byKey[segs[0]] {
		if leaf, ok := ix.followPath(f, segs[1:], 0); ok && !leaf.Map && len(ix.fieldsOf(leaf.Type, 0)) > 0 {
			return key[:i], true
		}
	}
	return "", false
}

// keysBeside calls fn with each dotted key that shares a key's parent,
// when the parent resolves through config structures: upload.chunk_size
// and upload.retries beside upload.retriez.
func (ix *Index) keysBeside(key string, fn func(name string, f fieldSite)) {
	i := strings.LastIndexByte(key, '.')
	if i <= 0 {
		return
	}
	parent := key[:i]
	segs := strings.Split(strings.ToLower(parent), ".")
	for _, f := range ix.byKey[segs[0]] {
		if leaf, ok := ix.followPath(f, segs[1:], 0); ok {
			for _, g := range ix.fieldsOf(leaf.Type, 0) {
				fn(parent+"."+g.Key, g)
			}
		}
	}
}

// exampleDirs are the directory names whose programs are examples or
// demos shipped beside the project, with names of their own.
var exampleDirs = map[string]bool{"examples": true, "example": true, "samples": true, "sample": true, "demo": true, "demos": true}

// exampleDir is the example directory a path is under, through its name
// ("examples/hotrod/"), "" if none.
func exampleDir(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs[:max(len(segs)-1, 0)] {
		if !exampleDirs[s] {
			continue
		}
		if i+1 < len(segs)-1 {
			return strings.Join(segs[:i+2], "/") + "/" // examples/hotrod/
		}
		return strings.Join(segs[:i+1], "/") + "/"
	}
	return ""
}
