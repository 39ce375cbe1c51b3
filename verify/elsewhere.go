package verify

import (
	"fmt"
	"path"
	"strings"

	"github.com/docverify/docverify/verify/known"
)

// A platform's docs often document code kept in its sibling repositories:
// the CLI, the SDKs, the agents. Their names share the platform's name and
// env prefix (ACME_SERVER_URL, acme --server), which is what made them
// look like this repository's. The page says where the code is, by naming
// its source repository or by installing its package; a maintainer points
// at that to dismiss the name, so it outweighs the prefix and the program
// name. A misspelling of a name this code reads still stands.

// keptElsewhere is why a claim's page documents code of another
// repository, "" if it does not.
func (ix *Index) keptElsewhere(c Claim) string {
	if r := c.CodeIn; r != "" && !ix.ownsCommand(path.Base(r)) {
		return fmt.Sprintf("its page names %s, another repository, as the source of what it documents", r)
	}
	for _, p := range c.PageInstalls {
		if ix.siblingPackage(p) {
			return fmt.Sprintf("its page installs %s, a package named for this project that this repository does not build", p)
		}
	}
	return ""
}

// siblingPackage reports a package named for this project (a word of its
// name is the name of one of its programs) that is not one of its
// programs: acme-python, @acme/acme-cli, github.com/acme/acme-go beside
// the program acme. A package of no word of the project is a dependency
// the guide installs, not what it documents.
func (ix *Index) siblingPackage(pkg string) bool {
	base := path.Base(pkg)
	if parts := strings.Split(pkg, "/"); len(parts) >= 3 && strings.Contains(parts[0], ".") {
		base = parts[2] // a Go module path: the repository's name
	}
	if base == "" || ix.ownsCommand(base) {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(base), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if len(w) < 4 {
			continue
		}
		if e, ok := ix.programs[w]; ok && projectNamed(e.Via) {
			return true
		}
	}
	return false
}

// projectNamed reports a program named by what builds the project (a
// module path, a build's root name, a package's executables), not by a
// script of it: a helper script's name is no name of the project.
func projectNamed(via string) bool {
	return via != "shell script" && via != "#! script"
}

// ownFlagPlatform is the first, by name, of the repository's programs
// that is a feature-flag platform (its image, its server), "" if none.
func (ix *Index) ownFlagPlatform() string {
	best := ""
	for name := range ix.programs {
		if known.FlagPlatform(name) && (best == "" || name < best) {
			best = name
		}
	}
	return best
}
