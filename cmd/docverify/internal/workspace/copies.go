package workspace

import (
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Translations and frozen copies of old releases repeat the docs of the
// present: a finding in the original would be reported once per locale,
// and a finding in docs/v1/ describes a release nobody edits. Both are
// recognised by their structure, not by name lists of projects: a copy is
// a doc whose path is another doc's with one locale or version tag added
// (docs/ja-JP/config.md beside docs/config.md, README-ko.md beside
// README.md, docs/v1/cli.md beside docs/v2/cli.md), or a doc under a
// directory that documentation generators keep old versions in.

// copyDirs hold frozen versions by the convention of a docs generator.
var copyDirs = map[string]bool{
	"versioned_docs": true, // Docusaurus
	"_versions":      true, // Hugo and Jekyll themes
}

// languages are ISO 639-1 codes (and a few 639-3 codes that doc
// translators use), the first part of a locale tag.
var languages = wordSet(`af am ar as az be bg bn bo br bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu
		he hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lb lo lt lv mk ml mn mr ms mt my nb ne nl nn no or pa pl ps
		pt ro ru sd si sk sl sq sr sv sw ta te tg th tk tl tr tt ug uk ur uz vi yi yo zh zu ckb fil yue`)

func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// localeRE is a locale tag: ja, pt-BR, zh_CN, zh-Hans.
var localeRE = regexp.MustCompile(`^([a-z]{2,3})(?:[-_]([A-Za-z]{2,4}))?$`)

func isLocale(s string) bool {
	m := localeRE.FindStringSubmatch(s)
	return m != nil && languages[m[1]]
}

// versionRE is a version tag: v1, 2.3, 1.x, version-2.3.
var versionRE = regexp.MustCompile(`^(?:v|version-)?([0-9]+)(?:\.([0-9]+|x))*$`)

// isEnglish is the locale an original is usually kept under, when the
// translations sit beside it rather than above it.
func isEnglish(s string) bool {
	m := localeRE.FindStringSubmatch(s)
	return m != nil && m[1] == "en"
}

// Copies splits docs into the originals and the copies.
func Copies(docs []string) (originals, copies []string) {
	have := make(map[string]bool, len(docs))
	alts := map[string][]string{}
	tags := map[string]int{} // dir/stem → translations beside it with a locale-like tag
	for _, d := range docs {
		have[d] = true
		if stem, _, ok := splitTag(d); ok {
			tags[stem]++
		}
		segs := strings.Split(d, "/")
		for i := range segs[:len(segs)-1] {
			k := altKey(segs, i)
			alts[k] = append(alts[k], segs[i])
		}
	}
	for _, d := range docs {
		if isCopy(d, have, alts, tags) {
			copies = append(copies, d)
		} else {
			originals = append(originals, d)
		}
	}
	return originals, copies
}

func isCopy(d string, have map[string]bool, alts map[string][]string, tags map[string]int) bool {
	segs := strings.Split(d, "/")
	for i, s := range segs[:len(segs)-1] {
		if copyDirs[s] {
			return true
		}
		without := strings.Join(append(append([]string(nil), segs[:i]...), segs[i+1:]...), "/")
		switch {
		case isLocale(s) && !isEnglish(s):
			if have[without] || hasSibling(segs, i, alts, isEnglish) {
				return true
			}
		case versionRE.MatchString(s):
			if have[without] || hasSibling(segs, i, alts, func(o string) bool { return newerVersion(o, s) }) {
				return true
			}
		}
	}
	// README-ko.md, README.zh-CN.md, index_ja.md beside the original or
	// below it; docs/README-kokr.md among several such translations
	if stem, tag, ok := splitTag(d); ok && !isEnglish(tag) {
		name := path.Base(stem) + path.Ext(d)
		if (isLocale(tag) || isCompactLocale(tag) && tags[stem] >= minTranslations) && haveAbove(have, path.Dir(d), name) {
			return true
		}
	}
	// GettingStarted-v1.md beside or below GettingStarted.md: the guide
	// of an old release, kept as it was
	if stem, ok := versionTagged(d); ok && haveAbove(have, path.Dir(d), path.Base(stem)+path.Ext(d)) {
		return true
	}
	return false
}

// fileVersionRE is a version tag at the end of a file name: -v1, _v2.3,
// -1.x (a bare number, part-2, is not one).
var fileVersionRE = regexp.MustCompile(`[-_](v[0-9]+(\.[0-9x]+)*|[0-9]+\.([0-9]+|x))$`)

// versionTagged splits a doc's path at a version tag of its file name:
// docs/legacy/GettingStarted-v1.md → docs/legacy/GettingStarted.
func versionTagged(d string) (string, bool) {
	s := strings.TrimSuffix(d, path.Ext(d))
	loc := fileVersionRE.FindStringIndex(path.Base(s))
	if loc == nil || loc[0] == 0 {
		return "", false
	}
	return path.Join(path.Dir(s), path.Base(s)[:loc[0]]), true
}

// minTranslations is how many docs beside one another must carry
// separator-less tags (kokr, zhtw) before those are taken for locales:
// one README-test.md is not a translation.
const minTranslations = 3

// splitTag splits a doc's path at the separator of its file name that
// starts a locale-like tag: docs/README-kokr.md → docs/README, kokr;
// README.zh-CN.md → README, zh-CN.
func splitTag(d string) (stem, tag string, ok bool) {
	ext := path.Ext(d)
	s := strings.TrimSuffix(d, ext)
	dir, base := path.Dir(s), path.Base(s)
	for i := len(base) - 1; i > 0; i-- {
		if !strings.ContainsRune("-_.", rune(base[i])) {
			continue
		}
		if t := base[i+1:]; isLocale(t) || isCompactLocale(t) {
			return path.Join(dir, base[:i]), t, true
		}
	}
	return "", "", false
}

// altKey names a doc with segment i left open: the docs that share it
// differ only there.
func altKey(segs []string, i int) string {
	return strings.Join(segs[:i], "/") + "\x00" + strings.Join(segs[i+1:], "/")
}

// haveAbove reports whether a doc of that name is in dir or a directory
// above it.
func haveAbove(have map[string]bool, dir, name string) bool {
	for {
		if have[path.Join(dir, name)] {
			return true
		}
		if dir == "." || dir == "/" || dir == "" {
			return false
		}
		dir = path.Dir(dir)
	}
}

// isCompactLocale is a locale tag written without its separator, as some
// projects name translations: kokr, zhtw, zhcn, esla. It is only taken for
// one beside an original of the same name.
func isCompactLocale(s string) bool {
	return len(s) == 4 && languages[s[:2]] && strings.ToLower(s) == s && !strings.HasPrefix(s, "en")
}

// hasSibling reports whether the doc exists with segment i replaced by a
// directory that pick accepts (docs/en/x.md for docs/ja/x.md).
func hasSibling(segs []string, i int, alts map[string][]string, pick func(string) bool) bool {
	for _, seg := range alts[altKey(segs, i)] {
		if seg != segs[i] && pick(seg) {
			return true
		}
	}
	return false
}

// newerVersion reports whether version tag a is later than b.
func newerVersion(a, b string) bool {
	ma, mb := versionRE.FindStringSubmatch(a), versionRE.FindStringSubmatch(b)
	if ma == nil || mb == nil {
		return false
	}
	for i := 1; i < len(ma); i++ {
		x, ex := strconv.Atoi(ma[i])
		y, ey := strconv.Atoi(mb[i])
		if ex != nil || ey != nil || x == y {
			continue
		}
		return x > y
	}
	return false
}
