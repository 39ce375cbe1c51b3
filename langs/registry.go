// Package langs is the registry of languages docverify indexes: adding a
// language is one package under langs/ and one line in the list below.
package langs

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/docverify/docverify/langs/csharp"
	"github.com/docverify/docverify/langs/golang"
	"github.com/docverify/docverify/langs/java"
	"github.com/docverify/docverify/langs/javascript"
	"github.com/docverify/docverify/langs/kotlin"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/langs/php"
	"github.com/docverify/docverify/langs/python"
	"github.com/docverify/docverify/langs/ruby"
	"github.com/docverify/docverify/langs/rust"
	"github.com/docverify/docverify/langs/shell"
	"github.com/docverify/docverify/langs/typescript"
)

// Specs lists every language, one line each.
var Specs = []*lang.Spec{
	golang.Spec,
	python.Spec,
	rust.Spec,
	java.Spec,
	kotlin.Spec,
	ruby.Spec,
	php.Spec,
	csharp.Spec,
	shell.Spec,
	javascript.Spec,
	typescript.Spec,
	typescript.TSXSpec,
}

// Registry maps files to languages. A language's queries are compiled
// when its first file turns up — compiling costs tens of milliseconds a
// grammar, which a repository without that language should not pay. It is
// safe for concurrent use.
type Registry struct {
	langs     []*Lang
	byExt     map[string]*Lang
	byInterp  map[string]*Lang // by the program a #! line runs
	manifests map[string]lang.Manifest
}

// Lang is one language of the registry.
type Lang struct {
	Spec *lang.Spec
	ext  lang.Extension
	// needles are the prefilter; every file is wanted when all is set (a
	// repository query without needles).
	needles  [][]byte
	all      bool
	once     sync.Once
	compiled *lang.Compiled
	err      error
}

// Wants is the byte-level prefilter: whether a file may hold anything the
// language's queries look for. It needs no compiled query.
func (l *Lang) Wants(src []byte) bool {
	if l.all {
		return true
	}
	for _, n := range l.needles {
		if bytes.Contains(src, n) {
			return true
		}
	}
	return false
}

// Compiled returns the language's compiled queries, compiling them on
// first use. An error is a bug in a queries.scm, which the registry test
// catches first.
func (l *Lang) Compiled() (*lang.Compiled, error) {
	l.once.Do(func() { l.compiled, l.err = lang.CompileWith(l.Spec, l.ext) })
	return l.compiled, l.err
}

// New builds the registry; nothing is compiled yet. exts are a
// repository's own read idioms, by language name.
func New(exts map[string]lang.Extension) (*Registry, error) {
	r := &Registry{byExt: map[string]*Lang{}, byInterp: map[string]*Lang{}, manifests: map[string]lang.Manifest{}}
	for name := range exts {
		if ForName(name) == nil {
			return nil, fmt.Errorf("unknown language %q", name)
		}
	}
	for _, s := range Specs {
		l := &Lang{Spec: s, ext: exts[s.Name]}
		for _, n := range s.Needles {
			l.needles = append(l.needles, []byte(n))
		}
		for _, n := range l.ext.Needles {
			l.needles = append(l.needles, []byte(n))
		}
		for _, c := range l.ext.Calls {
			if last := c.Callee[len(c.Callee)-1]; last != "*" {
				l.needles = append(l.needles, []byte(last))
			} else {
				l.all = true
			}
		}
		if l.ext.Query != "" && len(l.ext.Needles) == 0 {
			l.all = true
		}
		r.langs = append(r.langs, l)
		for _, ext := range s.Extensions {
			if _, dup := r.byExt[ext]; dup {
				return nil, fmt.Errorf("extension %s is claimed by two languages", ext)
			}
			r.byExt[ext] = l
		}
		for _, in := range s.Interpreters {
			r.byInterp[in] = l
		}
		for name, m := range s.Manifests {
			r.manifests[name] = m
		}
	}
	return r, nil
}

// ForName returns the spec of a language by name, or nil.
func ForName(name string) *lang.Spec {
	for _, s := range Specs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Names lists the languages by name.
func Names() []string {
	var out []string
	for _, s := range Specs {
		if len(out) == 0 || out[len(out)-1] != s.Name {
			out = append(out, s.Name) // TypeScript has two grammars, one name
		}
	}
	return out
}

// Close frees the compiled queries. A compile still running in the
// background (the indexer warms languages up before it needs them) is
// waited for, and one never started is not started.
func (r *Registry) Close() {
	for _, l := range r.langs {
		l.once.Do(func() {})
		if l.compiled != nil {
			l.compiled.Close()
		}
	}
}

// ForPath returns the language of a source file, or nil.
func (r *Registry) ForPath(p string) *Lang {
	return r.byExt[strings.ToLower(path.Ext(p))]
}

// ForScript returns the language of an extensionless file from the
// interpreter its #! line names ("#!/usr/bin/env ruby", "#!/bin/bash -e",
// "#!/usr/bin/env -S node --no-warnings", "#!/usr/bin/python3.12",
// "#!/command/with-contenv bash"), or nil.
// head is the start of the file; only its first line is read.
func (r *Registry) ForScript(head []byte) *Lang {
	line, ok := bytes.CutPrefix(head, []byte("#!"))
	if !ok {
		return nil
	}
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	words := strings.Fields(string(line))
	if len(words) == 0 {
		return nil
	}
	// the interpreter is the first word that names one: the program
	// itself, or the one a launcher runs (env, s6-overlay's
	// "#!/command/with-contenv bash"), options and assignments aside
	for _, w := range words {
		if strings.HasPrefix(w, "-") || strings.Contains(w, "=") {
			continue
		}
		prog := path.Base(w)
		if l := r.byInterp[prog]; l != nil {
			return l
		}
		if l := r.byInterp[strings.TrimRight(prog, "0123456789.")]; l != nil { // python3.12 → python
			return l
		}
	}
	return nil
}

// Manifest returns the reader of a build manifest, or nil.
func (r *Registry) Manifest(p string) lang.Manifest {
	base := path.Base(p)
	if m := r.manifests[base]; m != nil {
		return m
	}
	for pattern, m := range r.manifests {
		if ok, _ := path.Match(pattern, base); ok && strings.ContainsAny(pattern, "*?[") {
			return m
		}
	}
	return nil
}

// unindexed names the languages docverify has no grammar for yet, by file
// ending, so that a run can say which sources it could not read instead
// of silently finding nothing in them.
var unindexed = map[string]string{
	".scala": "Scala", ".groovy": "Groovy",
	".fs": "F#", ".vb": "Visual Basic", ".swift": "Swift", ".m": "Objective-C",
	".c": "C", ".h": "C", ".cc": "C++", ".cpp": "C++", ".cxx": "C++", ".hpp": "C++", ".ex": "Elixir", ".exs": "Elixir",
	".erl": "Erlang", ".clj": "Clojure", ".hs": "Haskell", ".ml": "OCaml", ".lua": "Lua", ".pl": "Perl", ".r": "R",
	".dart": "Dart", ".zig": "Zig", ".nim": "Nim", ".jl": "Julia",
	".ps1": "PowerShell", ".vue": "Vue", ".svelte": "Svelte",
}

// Unindexed reports the language of a source file docverify cannot index.
func Unindexed(p string) (string, bool) {
	l, ok := unindexed[strings.ToLower(path.Ext(p))]
	return l, ok
}
