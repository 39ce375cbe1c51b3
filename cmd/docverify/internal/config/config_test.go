package config

import (
	"strings"
	"testing"
)

var schema = Schema{
	Langs: []string{"go", "python", "javascript"},
	Rules: map[string]string{"DV1002": "DV1002", "missing-name": "DV1002", "DV1005": "DV1005", "unconfirmed-name": "DV1005"},
}

func TestStarterIsValid(t *testing.T) {
	cfg, err := Parse(".docverify.yml", Starter, schema)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Docs.Include)+len(cfg.Docs.Exclude)+len(cfg.ReadSites)+len(cfg.Env)+len(cfg.Rules) != 0 {
		t.Errorf("the starter config changes behaviour: %+v", cfg)
	}
}

func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "---\n"} {
		if _, err := Parse("c.yml", []byte(src), schema); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func TestFull(t *testing.T) {
	src := `version: 1
docs:
  include: [docs/**/*.md, README.md]
  exclude: docs/archive/
  changelogs: true
source:
  exclude: [examples/**]
external:
  names: [LEGACY_TOKEN, --profile]
  patterns: ["ACME_*"]
rules:
  missing-name: error
  DV1005: off
safety: [break glass]
read-sites:
  - lang: go
    call: flags.Enabled
    kind: feature
  - lang: python
    query: |
      (call) @x
    needles: [setting]
env:
  - prefix: MYAPP_
    from: flag
    separator: __
`
	cfg, err := Parse("c.yml", []byte(src), schema)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Docs.Match("docs/a/b.md") || !cfg.Docs.Match("README.md") || cfg.Docs.Match("docs/archive/old.md") || cfg.Docs.Match("other.md") {
		t.Errorf("docs globs: %+v", cfg.Docs)
	}
	if cfg.Source.Match("examples/x/main.go") || !cfg.Source.Match("main.go") {
		t.Errorf("source globs: %+v", cfg.Source)
	}
	if cfg.Changelogs == nil || !*cfg.Changelogs {
		t.Error("changelogs not read")
	}
	if cfg.Rules["DV1002"] != "error" || cfg.Rules["DV1005"] != "off" {
		t.Errorf("rules: %v", cfg.Rules)
	}
	if len(cfg.ReadSites) != 2 || cfg.ReadSites[0].Call != "flags.Enabled" || cfg.ReadSites[0].Kind != "feature" || cfg.ReadSites[0].Line != 16 {
		t.Errorf("read sites: %+v", cfg.ReadSites)
	}
	if q := cfg.ReadSites[1]; q.Query != "(call) @x\n" || q.QueryLine != 21 || q.Needles[0] != "setting" {
		t.Errorf("query read site: %+v", q)
	}
	if e := cfg.Env[0]; e.Prefix != "MYAPP_" || e.From != "flag" || e.Separator != "__" || e.Case != "upper" {
		t.Errorf("env rule: %+v", e)
	}
	if strings.Join(cfg.External.Names, " ") != "LEGACY_TOKEN --profile" || cfg.External.Patterns[0] != "ACME_*" {
		t.Errorf("external: %+v", cfg.External)
	}
}

// Each mistake names its line and column and, for a near miss, the word
// that was meant.
func TestErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"doc:\n  include: [a]\n", `c.yml:1:1: unknown key "doc" in the configuration; did you mean "docs"?`},
		{"docs:\n  exlude: [a]\n", `c.yml:2:3: unknown key "exlude" in docs; did you mean "exclude"?`},
		{"rules:\n  DV1002: warn\n", `c.yml:2:11: rules.DV1002: "warn" is not a severity (want error, warning, info or off); did you mean "warning"?`},
		{"rules:\n  DV9999: off\n", `c.yml:2:3: unknown key "DV9999" in rules`},
		{"rules:\n  missing-nme: off\n", `c.yml:2:3: unknown key "missing-nme" in rules; did you mean "missing-name"?`},
		{"rules:\n  DV1002: off\n  missing-name: info\n", `c.yml:3:3: rules: DV1002 is set twice (by ID and by name)`},
		{"read-sites:\n  - lang: golang\n    call: x.Y\n    kind: env\n", `c.yml:2:11: read-sites: unknown language "golang" (want one of go, python, javascript)`},
		{"read-sites:\n  - lang: go\n    call: x.Y\n", `c.yml:3:11: read-sites: call "x.Y" needs kind: what it reads (env, flag, config or feature)`},
		{"read-sites:\n  - lang: go\n    call: x.Y\n    kind: feture\n", `c.yml:4:11: read-sites.kind: "feture" is not a kind (want env, flag, config or feature); did you mean "feature"?`},
		{"read-sites:\n  - lang: go\n    kind: env\n", `c.yml:2:5: a read site needs call: (a function such as flags.Enabled) or query: (a tree-sitter query)`},
		{"read-sites:\n  - lang: go\n    call: os.Getenv(\n    kind: env\n", `c.yml:3:11: read-sites.call: "os.Getenv(" is not a function name`},
		{"read-sites:\n  - lang: go\n    call: x\n    kind: env\n    arg: first\n", `c.yml:5:10: read-sites.arg: "first" is not an argument index`},
		{"env:\n  - from: config\n", `c.yml:2:5: an env rule needs prefix: what the code puts before every name (MYAPP_)`},
		{"env:\n  - prefix: A_\n    case: UPPER\n", `c.yml:3:11: env.case: "UPPER" is not a case (want upper, lower or keep); did you mean "upper"?`},
		{"external:\n  patterns: ['[A-']\n", `c.yml:2:14: external.patterns: "[A-" is not a valid pattern`},
		{"docs:\n  include: ['{a']\n", `c.yml:2:13: docs.include: "{a" is not a valid glob`},
		{"docs:\n  changelogs: maybe\n", `c.yml:2:15: docs.changelogs must be true or false`},
		{"version: 2\n", `c.yml:1:10: version "2" is not supported (want 1)`},
		{"safety: {a: b}\n", `c.yml:1:9: safety must be a list of strings`},
		{"docs: [a]\n", `c.yml:1:7: docs must be a mapping of keys to values`},
		{"docs:\n\tinclude: [a]\n", `c.yml:2:1: not valid YAML: found character that cannot start any token (YAML indents with spaces, not tabs)`},
		{"docs: {}\ndocs: {}\n", `c.yml:2:1: "docs" is set twice in the configuration`},
	} {
		_, err := Parse("c.yml", []byte(c.src), schema)
		if err == nil {
			t.Errorf("%q: no error, want %s", c.src, c.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.src, err, c.want)
		}
	}
}

// Every mistake is reported, not only the first.
func TestErrorsAreAllReported(t *testing.T) {
	_, err := Parse("c.yml", []byte("docs:\n  exlude: [a]\nrules:\n  DV1002: warn\n"), schema)
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("want two errors on two lines, got %v", err)
	}
}
