package verify

import (
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// minSimilarity is how alike two names must be for one to be suggested for
// the other. Tuned so that a dropped or added word (ROTATION vs
// ROTATION_DAYS), a typo or a swapped separator qualifies, and two names
// that share only a common word (LOG_LEVEL, LOG_FORMAT) do not.
const minSimilarity = 0.6

// nearest finds the real name closest to a claim's, among names of the
// kinds that can serve it.
func (ix *Index) nearest(c Claim) *Evidence {
	var best *Evidence
	bestScore := minSimilarity
	consider := func(name string, e Evidence) {
		if strings.EqualFold(name, c.Name) {
			return
		}
		if s := similarity(c.Name, name); s > bestScore || (s == bestScore && best != nil && name < best.Name) {
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
					consider(key, Evidence{Pos: fs[0].pos, Via: fs[0].Via, Strength: Read})
				}
			}
		}
	}
	return best
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

// similarity scores two names from 0 to 1: the better of their edit
// similarity and the overlap of their words, so that both typos and
// dropped words are caught.
func similarity(a, b string) float64 {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	n := max(len(la), len(lb))
	if n == 0 {
		return 0
	}
	edit := 1 - float64(levenshtein.ComputeDistance(la, lb))/float64(n)
	return max(edit, wordOverlap(words(a), words(b)))
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
