// Package langtest helps language packages test their queries: it indexes
// a snippet with a spec and renders the facts one a line, so that a test
// states what a language must find, and what it must not, in plain text.
package langtest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// Facts indexes src as the file at path.
func Facts(t testing.TB, spec *lang.Spec, path, src string) verify.FileFacts {
	t.Helper()
	c, err := lang.Compile(spec)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	w := lang.NewWorker()
	defer w.Close()
	ff, err := w.Facts(context.Background(), c, path, []byte(src), lang.Project{RootName: "root"})
	if err != nil {
		t.Fatal(err)
	}
	return ff
}

// Render prints facts one a line, sorted: "read env NAME @TOKEN via",
// where TOKEN is the source text at the fact's position (so a wrong
// column shows as a wrong token),
// "ref env IDENT", "dynamic env PREFIX*SUFFIX", "wrapper env Func#arg",
// "const NAME=VALUE", "call Func#arg VALUE", "field Owner.key:Type",
// "derive env<-config PREFIX", "program NAME". Calls are left out unless
// withCalls is set: nearly every file has some.
func Render(ff verify.FileFacts, src string, withCalls bool) string {
	lines := strings.Split(src, "\n")
	at := func(s verify.Site) string {
		if s.Line < 1 || s.Line > len(lines) {
			return fmt.Sprintf("?%d:%d", s.Line, s.Col)
		}
		rs := []rune(lines[s.Line-1])
		if s.Col < 1 || s.Col > len(rs) {
			return fmt.Sprintf("?%d:%d", s.Line, s.Col)
		}
		rest := string(rs[s.Col-1:])
		end := strings.IndexFunc(rest, func(r rune) bool {
			return !(r == '_' || r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		})
		if end == 0 {
			return fmt.Sprintf("%q", rest[:min(3, len(rest))])
		}
		if end < 0 {
			end = len(rest)
		}
		return rest[:end]
	}
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, r := range ff.Reads {
		neg := ""
		if r.Negatable {
			neg = " negatable"
		}
		add("read %s %s @%s %s%s", r.Kind, r.Name, at(r.Site), r.Via, neg)
	}
	for _, r := range ff.Refs {
		add("ref %s %s @%s", r.Kind, r.Ident, at(r.Site))
	}
	for _, d := range ff.Dynamic {
		w := ""
		if d.Wrapper != "" {
			w = " in " + d.Wrapper
		}
		switch {
		case d.CallerPrefix:
			w += " from names after the callers' prefix"
		case d.FromNames:
			w += " from names"
		}
		add("dynamic %s %s*%s @%s%s", d.Kind, d.Prefix, d.Suffix, at(d.Site), w)
	}
	for _, w := range ff.Wrappers {
		add("wrapper %s %s#%d %s*%s", w.Kind, w.Func, w.Arg, w.Prefix, w.Suffix)
	}
	for _, c := range ff.Consts {
		add("const %s=%s", c.Name, c.Value)
	}
	if withCalls {
		for _, c := range ff.Calls {
			add("call %s#%d %s", c.Func, c.Arg, c.Value)
		}
		for _, fw := range ff.Forwards {
			add("forward %s#%d -> %s#%d", fw.Func, fw.Param, fw.Callee, fw.Arg)
		}
	}
	for _, f := range ff.Fields {
		flags := ""
		if f.Map {
			flags += " map"
		}
		if f.Any {
			flags += " any"
		}
		if f.Inline {
			flags += " inline"
		}
		if f.Weak {
			flags += " weak"
		}
		if f.Env != "" {
			flags += " env=" + f.Env
		}
		if f.EnvPrefix != "" {
			flags += " envprefix=" + f.EnvPrefix
		}
		if f.Ident != "" {
			flags += " ident=" + f.Ident
		}
		if f.ConfEnv != "" {
			flags += " conf-env=" + f.ConfEnv
		}
		if f.ConfFlag != "" {
			flags += " conf-flag=" + f.ConfFlag
		}
		if f.ConfSkip {
			flags += " conf-skip"
		}
		add("field %s.%s:%s%s", f.Owner, f.Key, f.Type, flags)
	}
	for _, r := range ff.Roots {
		add("root %s (%s)", r.Type, r.Via)
	}
	for _, d := range ff.Derives {
		scope := ""
		if d.Scope != "" {
			scope = " scope=" + d.Scope
		}
		if d.DropDashes {
			scope += " drop-dashes"
		}
		if d.SplitWords {
			scope += " split-words"
		}
		if d.FieldNames {
			scope += " field-names"
		}
		add("derive %s<-%s %s nest=%s%s", d.Kind, d.From, d.Prefix, d.Nest, scope)
	}
	for _, p := range ff.Programs {
		add("program %s", p.Name)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// Case is one snippet and the facts it must give (Render's lines, in any
// order); lines it must not give are covered by comparing the whole set.
type Case struct {
	Name string
	Path string // default: the spec's first extension after "main"
	Src  string
	Want string
	// Calls includes call facts in the comparison.
	Calls bool
}

// Run checks each case.
func Run(t *testing.T, spec *lang.Spec, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			p := c.Path
			if p == "" {
				p = "pkg/main" + spec.Extensions[0]
			}
			got := Render(Facts(t, spec, p, c.Src), c.Src, c.Calls)
			want := sortLines(c.Want)
			if got != want {
				t.Errorf("facts of\n%s\ngot:\n%s\nwant:\n%s", c.Src, got, want)
			}
		})
	}
}

func sortLines(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
