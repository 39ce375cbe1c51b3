package langs

import (
	"fmt"
	"strings"
)

// Table renders the README's table of languages from the specs, one row
// a language, so that the README says what the code reads and nothing
// else. TestREADMELanguageTable keeps the two equal.
func Table() string {
	var b strings.Builder
	b.WriteString("| Language | Files | Env reads | Flags | Config keys | Feature flags | Programs and dependencies |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	seen := map[string]bool{}
	exts := map[string][]string{}
	for _, s := range Specs {
		exts[s.Title] = append(exts[s.Title], s.Extensions...)
	}
	for _, s := range Specs {
		if seen[s.Title] {
			continue
		}
		seen[s.Title] = true
		var files []string
		for _, e := range exts[s.Title] {
			files = append(files, "`"+e+"`")
		}
		i := s.Idioms
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", s.Title, strings.Join(files, " "),
			cell(i.Env), cell(i.Flags), cell(i.Config), cell(i.Features), cell(i.Programs))
	}
	return b.String()
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}
