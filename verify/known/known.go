// Package known holds the names that belong to other programs: environment
// variables of operating systems, shells, CI providers, language toolchains
// and cloud SDKs, and the command-line programs whose flags docs quote. A
// claim of one of these names says nothing about the repository being
// checked, unless its own code reads the name too.
//
// The lists are data (env.txt, programs.txt), one entry a line with the
// owner it belongs to, so that adding a name is a one-line change reviewed
// like any other.
package known

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed env.txt
var envData string

//go:embed programs.txt
var programData string

type pattern struct {
	prefix bool // the entry ended in *: match names that start with it
	text   string
	owner  string
}

var (
	loadOnce sync.Once
	envExact map[string]string
	envPref  []pattern
	programs map[string]string
)

func load() {
	envExact = map[string]string{}
	for _, p := range parse(envData) {
		if p.prefix {
			envPref = append(envPref, p)
		} else {
			envExact[p.text] = p.owner
		}
	}
	programs = map[string]string{}
	for _, p := range parse(programData) {
		programs[p.text] = p.owner
	}
}

// parse reads "NAME  owner words" lines; # starts a comment line, and a
// line that is only "== owner" sets the owner for the lines after it.
func parse(data string) []pattern {
	var out []pattern
	owner := ""
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if o, ok := strings.CutPrefix(line, "== "); ok {
			owner = strings.TrimSpace(o)
			continue
		}
		for _, name := range strings.Fields(line) {
			p := pattern{text: name, owner: owner}
			if t, ok := strings.CutSuffix(name, "*"); ok {
				p.prefix, p.text = true, t
			}
			out = append(out, p)
		}
	}
	return out
}

// Env reports whether name is a well-known environment variable of another
// program, and whose.
func Env(name string) (owner string, ok bool) {
	loadOnce.Do(load)
	if o, ok := envExact[name]; ok {
		return o, true
	}
	for _, p := range envPref {
		if strings.HasPrefix(name, p.text) {
			return p.owner, true
		}
	}
	return "", false
}

// Program reports whether name is a well-known program that is not part of
// the repository being checked (docker, kubectl, git), and what it is.
func Program(name string) (what string, ok bool) {
	loadOnce.Do(load)
	what, ok = programs[name]
	return what, ok
}
