package lang

import (
	"regexp"
	"strings"

	"github.com/docverify/docverify/verify"
)

// Kebab turns a field or parameter name into the flag a CLI library
// derives from it: dry_run, dryRun and DryRun give dry-run.
func Kebab(s string) string { return verify.Kebab(s) }

var (
	specSplitRE = regexp.MustCompile(`[\s,|/=<>\[\]{}()]+`)
	bareNameRE  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)
	flagTokRE   = regexp.MustCompile(`^--[A-Za-z0-9][A-Za-z0-9_.-]*$`)
)

// FlagSpec reads the flags of a flag specification: every --long token,
// or the whole spec when it is a bare name.
func FlagSpec(spec string) []string {
	var out []string
	for _, tok := range specSplitRE.Split(spec, -1) {
		if flagTokRE.MatchString(tok) {
			out = append(out, strings.TrimRight(tok[2:], ".-"))
		}
	}
	if len(out) == 0 && !strings.HasPrefix(spec, "-") && bareNameRE.MatchString(spec) {
		out = append(out, spec)
	}
	return out
}

var nameLikeRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$`)

// NameLike reports whether a literal could be an env var, flag, config key
// or feature flag name, which is what call arguments are kept for.
func NameLike(s string) bool { return nameLikeRE.MatchString(s) }
