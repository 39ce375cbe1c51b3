package rust

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// cargoToml reads a Cargo.toml: the package and its [[bin]] targets are
// programs (a binary crate's default binary is named after the package),
// and its dependencies are declared libraries.
func cargoToml(_ string, src []byte) ([]verify.Program, []verify.Dependency) {
	var m struct {
		Package struct {
			Name string `toml:"name"`
		} `toml:"package"`
		Bin               []struct{ Name string } `toml:"bin"`
		Dependencies      map[string]any          `toml:"dependencies"`
		DevDependencies   map[string]any          `toml:"dev-dependencies"`
		BuildDependencies map[string]any          `toml:"build-dependencies"`
		Workspace         struct {
			Dependencies map[string]any `toml:"dependencies"`
		} `toml:"workspace"`
		Target map[string]struct {
			Dependencies map[string]any `toml:"dependencies"`
		} `toml:"target"`
	}
	if err := toml.Unmarshal(src, &m); err != nil {
		return nil, nil
	}
	var progs []verify.Program
	for _, name := range append([]string{m.Package.Name}, binNames(m.Bin)...) {
		if name != "" {
			progs = append(progs, verify.Program{Name: name, Site: nameSite(src, name), Via: "Cargo.toml"})
		}
	}
	seen := map[string]bool{}
	var deps []verify.Dependency
	sites := keySites(src)
	add := func(table map[string]any) {
		for name := range table {
			if !seen[name] {
				seen[name] = true
				site, ok := sites[name]
				if !ok {
					site = verify.Site{Line: 1, Col: 1}
				}
				deps = append(deps, verify.Dependency{Name: name, Site: site})
			}
		}
	}
	add(m.Dependencies)
	add(m.DevDependencies)
	add(m.BuildDependencies)
	add(m.Workspace.Dependencies)
	for _, t := range m.Target {
		add(t.Dependencies)
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Name < deps[j].Name })
	return progs, deps
}

func binNames(bins []struct{ Name string }) []string {
	var out []string
	for _, b := range bins {
		out = append(out, b.Name)
	}
	return out
}

// nameSite is where name = "X" is written.
func nameSite(src []byte, name string) verify.Site {
	re := regexp.MustCompile(`(?m)^\s*name\s*=\s*["']` + regexp.QuoteMeta(name) + `["']`)
	return siteAt(src, re)
}

// keySites finds, in one pass, where each key that opens a line is first
// written (serde = "1", serde.workspace = true): a manifest of a thousand
// dependencies is not read a thousand times.
func keySites(src []byte) map[string]verify.Site {
	out := map[string]verify.Site{}
	line := 1
	for off := 0; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		i := off
		for i < end && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		k := i
		for k < end && (isKeyByte(src[k])) {
			k++
		}
		j := k
		for j < end && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if k > i && j < end && (src[j] == '=' || src[j] == '.') {
			if _, ok := out[string(src[i:k])]; !ok {
				out[string(src[i:k])] = verify.Site{Line: line, Col: i - off + 1} // as lang.SiteAt counts
			}
		}
		off = end + 1
	}
	return out
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func siteAt(src []byte, re *regexp.Regexp) verify.Site {
	loc := re.FindIndex(src)
	if loc == nil {
		return verify.Site{Line: 1, Col: 1}
	}
	m := src[loc[0]:loc[1]]
	return lang.SiteAt(src, loc[0]+len(m)-len(strings.TrimLeft(string(m), " \t")))
}
