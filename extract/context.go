package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/docverify/docverify/extract/cues"
)

// The vocabularies, compiled once.
var (
	safetyCues      = cues.MustMatcher(cues.Safety)
	historicalCues  = cues.MustMatcher(cues.Historical)
	successorCues   = cues.MustMatcher(cues.Successor)
	predecessorCues = cues.MustMatcher(cues.Predecessor)
	envCue          = cues.MustMatcher([]cues.Cue{cues.EnvCue})
	featureCue      = cues.MustMatcher([]cues.Cue{cues.FeatureCue})
	flagCue         = cues.MustMatcher([]cues.Cue{cues.FlagCue})
	configCue       = cues.MustMatcher([]cues.Cue{cues.ConfigCue})
	configKeyCue    = cues.MustMatcher([]cues.Cue{cues.ConfigKeyCue})
	setCue          = cues.MustMatcher([]cues.Cue{cues.SetCue})
)

// block is a piece of running text — a paragraph, heading, list item line
// or table row — held as its raw Markdown with code spans masked, so that
// cue words and sentence ends inside code do not count.
type block struct {
	start  int    // byte offset of the block in the document
	raw    string // the block's raw Markdown
	masked string // raw with the contents of code spans replaced by spaces
	// ends are the offsets just after each sentence's end, ascending,
	// found once: a block's claims each ask for their sentence
	ends []int
}

// maskRE finds what cue words and prose patterns must not see: code spans,
// HTML comments, link destinations and bare URLs.
var maskRE = regexp.MustCompile("(`+)[^`]*?(`+)|<code>[^<]*(<[^/][^<]*)*</code>|<!--[\\s\\S]*?-->|\\]\\([^)]*\\)|<?https?://[^\\s>)]*>?")

func newBlock(src []byte, start, end int) block {
	raw := string(src[start:end])
	masked := maskRE.ReplaceAllStringFunc(raw, func(s string) string {
		if strings.HasPrefix(s, "](") {
			return "]" + strings.Repeat(" ", len(s)-1) // keep the link text's sentence intact
		}
		return strings.Repeat(" ", len(s))
	})
	var ends []int
	for i := 0; i < len(masked); i++ {
		if isSentenceEnd(masked, i) {
			ends = append(ends, i+1)
		}
	}
	return block{start: start, raw: raw, masked: masked, ends: ends}
}

// sentence returns the byte range, within the block, of the sentence that
// holds the block-relative offset off. Sentences end at . ! ? or ; followed
// by white space, or at a blank line; abbreviations like "e.g." followed by
// a lower-case word do not end one.
func (b block) sentence(off int) (int, int) {
	// the first sentence end at or after off (an end at i is ends[k] = i+1)
	k := sort.SearchInts(b.ends, off+1)
	start := 0
	if k > 0 {
		start = b.ends[k-1]
	}
	if k < len(b.ends) {
		return start, b.ends[k]
	}
	return start, len(b.masked)
}

func isSentenceEnd(s string, i int) bool {
	switch s[i] {
	case '.', '!', '?', ';':
	case '\n':
		return i+1 < len(s) && s[i+1] == '\n'
	default:
		return false
	}
	if i+1 >= len(s) {
		return true
	}
	if s[i+1] != ' ' && s[i+1] != '\n' && s[i+1] != '\t' {
		return false
	}
	if s[i] == '.' && abbreviationEnds(s, i) {
		return false // "(e.g. `--wait`)" goes on
	}
	j := i + 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t') {
		j++
	}
	return j >= len(s) || !(s[j] >= 'a' && s[j] <= 'z')
}

// abbreviations end with a dot without ending a sentence.
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "eg": true, "ie": true, "vs": true, "cf": true, "incl": true, "approx": true, "resp": true}

// abbreviationEnds reports whether the dot at i ends an abbreviation.
func abbreviationEnds(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] >= 'a' && s[j-1] <= 'z' || s[j-1] >= 'A' && s[j-1] <= 'Z' || s[j-1] == '.') {
		j--
	}
	return abbreviations[strings.ToLower(s[j:i])]
}

// around is the text close to a claim: a few words either side, within
// its sentence. Kind cues found here beat cues elsewhere in the sentence.
// White space does not count toward the window, so masked code spans and
// comments do not push the words beside a claim out of it.
func (b block) around(start, end int) string {
	const window = 40
	// a code span can run past the block's text (one that spans lines
	// behind a zero-width space): keep to what the block has
	end = min(end, len(b.masked))
	start = min(start, end)
	ss, se := b.sentence(start)
	lo, n := start, 0
	for lo > ss && n < window {
		lo--
		if b.masked[lo] != ' ' && b.masked[lo] != '\n' {
			n++
		}
	}
	hi, n := end, 0
	for hi < se && n < window {
		if b.masked[hi] != ' ' && b.masked[hi] != '\n' {
			n++
		}
		hi++
	}
	return b.masked[lo:start] + " " + b.masked[end:hi]
}

// fold collapses white space, for context strings in output.
func fold(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 240 {
		cut := 237
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

// historical reports the historical cue that applies to a claim at offset
// off of text, if any. The phrase nearest before the claim decides: after
// "instead of" or "the removed" a name is the old one; after "renamed to"
// or "use" it is the current one.
func historical(text string, off int) string { return scanHistory(text).at(off) }

// historyScan is what a text's historical cues say, for any claim in it.
type historyScan struct {
	cue string
	// successors and predecessors are the ends of the cues that name a
	// successor or a predecessor, in text order
	successors, predecessors []int
}

func scanHistory(text string) historyScan {
	// the first cue, but a removal outweighs a deprecation: "deprecated in
	// 2.0 and removed in 3.0" says it is gone
	var h historyScan
	for _, m := range historicalCues.FindAll(text) {
		if h.cue == "" || deprecation(h.cue) {
			h.cue = m.Label
		}
	}
	if h.cue == "" {
		return h
	}
	for _, m := range successorCues.FindAll(text) {
		h.successors = append(h.successors, m.End)
	}
	for _, m := range predecessorCues.FindAll(text) {
		h.predecessors = append(h.predecessors, m.End)
	}
	return h
}

// at is the historical phrase for a claim at offset off: none when the
// nearest cue before it names a successor ("use `NEW` instead").
func (h historyScan) at(off int) string {
	if h.cue == "" {
		return ""
	}
	if lastBefore(h.successors, off) > lastBefore(h.predecessors, off) {
		return ""
	}
	return h.cue
}

// lastBefore is the last of ascending ends that is at most off, or -1.
func lastBefore(ends []int, off int) int {
	i := sort.SearchInts(ends, off+1)
	if i == 0 {
		return -1
	}
	return ends[i-1]
}

// ownerPattern finds "<program>'s" and "the <program> CLI|flag|option".
var ownerRE = regexp.MustCompile(`(?i)\b([a-z][a-z0-9-]*)(?:'s|’s|\s+(?:cli|command|flag|flags|option|options|sdk|client)\b)`)
