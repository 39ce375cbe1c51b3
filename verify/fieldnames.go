package verify

import (
	"fmt"
	"strings"
	"unicode"
)

// namedByFields finds the fields of d's structure that a library naming
// env vars or flags after Go field names reads as name (rest of the
// prefix, for env): HBOX_AUTH_API_KEY_PEPPER is Auth → APIKeyPepper.
func (ix *Index) namedByFields(d derivationSite, name string) []Evidence {
	if d.Case == "upper" && name != strings.ToUpper(name) || d.Case == "lower" && name != strings.ToLower(name) {
		return nil
	}
	var out []Evidence
	lower := strings.ToLower(name)
	for _, f := range ix.fieldNamed(d.Scope, lower, lower, strings.ToLower(d.Nest), 0) {
		shown := name
		if d.Kind == Flag {
			shown = "--" + name
		}
		out = append(out, Evidence{Pos: f.pos, Name: f.goName(), Via: fmt.Sprintf("%s named after field %s of %s by %s at %s", shown, f.goName(), f.Owner, d.Via, d.pos), Strength: Read})
	}
	return out
}

// fieldNamed walks scope's fields for the chain whose Go names, split
// into words and joined by nest, spell rest (lower case). A field a tag
// renames (ConfEnv) is matched by that name alone, against the whole
// name below the prefix (full), as the library does: the tag's name
// replaces the path of fields above it, not only the field's own part.
func (ix *Index) fieldNamed(scope, full, rest, nest string, depth int) []fieldSite {
	if depth > maxDepth {
		return nil
	}
	var out []fieldSite
	for _, f := range ix.fieldsOf(scope, depth) {
		id := f.goName()
		if !isExportedName(id) || f.ConfSkip {
			continue // the library sees only exported fields not tagged conf:"-"
		}
		k := strings.ToLower(strings.Join(identWords(id), nest))
		leaf := f.Type == "" || ix.owners[f.Type] == nil // a structure's own name reads nothing
		switch {
		case f.ConfEnv != "" && nest == "_" && leaf:
			if strings.EqualFold(f.ConfEnv, full) {
				out = append(out, f)
			}
		case f.ConfFlag != "" && nest == "-" && leaf:
			// the tag's flag is read as it is written (see the Go reader)
		case rest == k && leaf:
			out = append(out, f)
		case !leaf && strings.HasPrefix(rest, k+nest):
			out = append(out, ix.fieldNamed(f.Type, full, rest[len(k)+len(nest):], nest, depth+1)...)
		}
	}
	return out
}

// goName is the field's name in the code.
func (f fieldSite) goName() string {
	if f.Ident != "" {
		return f.Ident
	}
	return f.Key
}

func isExportedName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// identWords splits a Go identifier into words where its characters
// change class (upper, lower, digit), keeping an upper-case run's last
// letter with the lower-case word after it, as ardanlabs/conf does:
// APIKeyPepper is API Key Pepper, Dns64Nets is Dns 64 Nets.
func identWords(s string) []string {
	class := func(r rune) int {
		switch {
		case unicode.IsLower(r):
			return 1
		case unicode.IsUpper(r):
			return 2
		case unicode.IsDigit(r):
			return 3
		}
		return 4
	}
	runes := []rune(s)
	if len(runes) < 2 {
		return []string{s}
	}
	var out []string
	last, start := class(runes[0]), 0
	for i, r := range runes {
		c := class(r)
		if c != last {
			switch {
			case last == 2 && c != 3:
				if i-start > 1 {
					out = append(out, string(runes[start:i-1]))
					start = i - 1
				}
			default:
				out = append(out, string(runes[start:i]))
				start = i
			}
		}
		if i == len(runes)-1 {
			out = append(out, string(runes[start:]))
		}
		last = c
	}
	return out
}
