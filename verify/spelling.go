package verify

import (
	"strings"
	"unicode"
)

// The spellings a name takes from one library to the next, shared by the
// language packages (flags derived from fields) and by verify (names
// built at run time, parser conventions).

// Kebab turns a field or parameter name into the flag a CLI library
// derives from it: dry_run, dryRun and DryRun give dry-run.
func Kebab(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-':
			if b.Len() > 0 {
				b.WriteByte('-')
			}
		case unicode.IsUpper(r):
			if i > 0 && b.Len() > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "-")
}

// camel is a dashed name in camelCase: write-discovered-repos → writeDiscoveredRepos.
func camel(dashed string) string {
	parts := strings.Split(dashed, "-")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
