package configblock

import (
	"strings"
	"testing"
)

// FuzzParse reads arbitrary snippets in every format: an error is fine,
// a panic or a key offset outside the snippet is not.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"app:\n  retry:\n    max_attempts: 3\n",
		"a: &a [*a, *a]\nb: &b [*a, *a]\n",
		"[server]\nport = 8080\n[[hosts]]\nname = \"x\"\n",
		"{\"app\": {\"timeout\": 3, \"list\": [{\"a\": 1}]}}",
		"[section]\nkey = value\n",
		"app.port=8080\napp.name: x\n",
		"APP_TOKEN=abc\nexport APP_X=1\n",
		"<psalm errorLevel=\"3\" a='x'>\n  <projectFiles><directory name=\"src\"/></projectFiles>\n</psalm>\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, format := range []Format{YAML, TOML, JSON, INI, Properties, Env, XML, HCL} {
			root, err := Parse(format, src)
			if err != nil || root == nil {
				continue
			}
			for _, leaf := range root.Leaves() {
				if leaf.Offset > len(src) {
					t.Fatalf("format %d: key %v at offset %d of a %d-byte snippet", format, leaf.Path, leaf.Offset, len(src))
				}
			}
		}
	})
}

// TestAliasBombIsBounded: anchors that refer to each other expand
// exponentially; the snippet is refused with a reason, quickly, and an
// ordinary merge key still works.
func TestAliasBombIsBounded(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	for _, src := range []string{bomb, "a: &a [*a, *a]\nb: &b [*a, *a]\n"} {
		if _, err := Parse(YAML, src); err != nil {
			t.Logf("refused: %v", err)
		}
	}
	root, err := Parse(YAML, "defaults: &d\n  retries: 3\nprod:\n  <<: *d\n  region: eu\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range root.Leaves() {
		got = append(got, strings.Join(l.Path, "."))
	}
	if want := "defaults.retries prod.retries prod.region"; strings.Join(got, " ") != want {
		t.Errorf("merge key: got %q, want %q", got, want)
	}
}
