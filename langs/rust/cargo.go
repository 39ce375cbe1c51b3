package rust

import (
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
	add := func(table map[string]any) {
		for name := range table {
			if !seen[name] {
				seen[name] = true
				deps = append(deps, verify.Dependency{Name: name, Site: keySite(src, name)})
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

// keySite is where a dependency's key is written.
func keySite(src []byte, key string) verify.Site {
	re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(key) + `\s*[=.]`)
	return siteAt(src, re)
}

func siteAt(src []byte, re *regexp.Regexp) verify.Site {
	loc := re.FindIndex(src)
	if loc == nil {
		return verify.Site{Line: 1, Col: 1}
	}
	m := src[loc[0]:loc[1]]
	return lang.SiteAt(src, loc[0]+len(m)-len(strings.TrimLeft(string(m), " \t")))
}
