package extract

import (
	_ "embed"
	"regexp"
	"strings"

	"github.com/docverify/docverify/extract/cues"
)

//go:embed editions.txt
var editionData string

// editions are the edition names of editions.txt, and editionByWord the
// same in lower case, for template and component names.
var editions, editionByWord = func() ([]string, map[string]string) {
	var list []string
	by := map[string]string{}
	for _, l := range strings.Split(editionData, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			list = append(list, regexp.QuoteMeta(l))
			by[strings.ToLower(l)] = l
		}
	}
	return list, by
}()

// templateMarkRE finds the template tags and components docs put an
// edition badge with: Jekyll's {% include enterprise.html %}, Hugo's
// {{< pro >}}, MDX's <EnterpriseBadge />, a badge span's class.
var templateMarkRE = regexp.MustCompile(`\{%-?\s*include\s+["']?([\w./-]+)|\{\{[<%]\s*([\w/-]+)|<([A-Z][A-Za-z]+)[\s/>]|class="([\w -]*badge[\w -]*)"`)

// editionPhraseRE finds a sentence that limits what follows to an edition:
// "available only in Flyway Enterprise", "Enterprise edition only",
// "requires a Teams license".
var editionPhraseRE = regexp.MustCompile(`\b(?:(?i:only\s+)?(?i:available|supported)\s+(?i:only\s+)?(?i:in|with|on|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(` + strings.Join(editions, "|") + `)\b|(` + strings.Join(editions, "|") + `)\s+(?i:edition|plan|tier|license|licence|subscription)s?\s+(?i:only|feature|required)\b|(?i:requires?)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,2}(` + strings.Join(editions, "|") + `)\s+(?i:edition|plan|tier|license|licence|subscription))`)

// editionMark is the paid edition a block's raw text marks what follows
// with, "" if none.
func editionMark(raw string) string {
	for _, m := range templateMarkRE.FindAllStringSubmatch(raw, 8) {
		for _, name := range m[1:] {
			if name == "" {
				continue
			}
			// enterprise.html, pro-badge, EnterpriseFeature
			for _, w := range strings.Fields(cues.NameWords(name)) {
				if ed, ok := editionByWord[w]; ok {
					return ed
				}
			}
		}
	}
	if m := editionPhraseRE.FindStringSubmatch(raw); m != nil {
		for _, ed := range m[1:] {
			if ed != "" {
				return ed
			}
		}
	}
	return ""
}

// noteEdition records an edition mark in a block: under the page's
// first heading (its title, or its first section when front matter holds
// the title) it marks the whole page; later, the section it is in and
// the ones under it.
func (e *extractor) noteEdition(raw string) {
	ed := editionMark(raw)
	if ed == "" {
		return
	}
	level := 0 // the page
	if n := len(e.headings); n > 0 && e.section > 1 {
		level = e.headings[n-1].level
	}
	if e.edition == "" || level <= e.editionLevel {
		e.edition, e.editionLevel = ed, level
	}
}

// leaveEditionSection ends a section's edition mark at a heading of its
// level or above.
func (e *extractor) leaveEditionSection(level int) {
	if e.edition != "" && e.editionLevel > 0 && level <= e.editionLevel {
		e.edition, e.editionLevel = "", 0
	}
}
