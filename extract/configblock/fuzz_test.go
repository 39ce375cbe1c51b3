package configblock

import (
	"fmt"
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

// FuzzJSONReadsAsYAMLDoes: where both the JSON reader and the YAML reader
// read a snippet, they make the same tree, offsets and all; the JSON
// reader exists for speed only.
func FuzzJSONReadsAsYAMLDoes(f *testing.F) {
	for _, s := range jsonCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "\r") {
			// the YAML reader counts lines by \n alone, so a lone \r
			// puts its offsets at -1: the JSON reader's are right
			return
		}
		if _, shift := unbracket(src); shift != nil || blankElisions(src) != src {
			return // read as a reference page's notation, which JSON is not
		}
		j, errJ := parseJSON(src)
		y, errY := parseYAML(src)
		if errJ != nil || errY != nil {
			return
		}
		if got, want := dump(j), dump(y); got != want {
			t.Fatalf("%q:\nJSON reader:\n%s\nYAML reader:\n%s", src, got, want)
		}
	})
}

var jsonCases = []string{
	`{"app": {"timeout": 3, "list": [{"a": 1}, 2, "x"], "on": true, "off": null}}`,
	"{\n  \"name\": \"caf\\u00e9\",\n  \"é\": {\"k\": -1.5e3},\n  \"empty\": {},\n  \"none\": []\n}",
	`[{"a": {"b": [[{"c": "d"}]]}}]`,
	`"just a string"`,
	`{"esc\"aped": "a\\b"}`,
}

func TestJSONReadsAsYAMLDoes(t *testing.T) {
	for _, src := range jsonCases {
		j, err := parseJSON(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		y, err := parseYAML(src)
		if err != nil {
			t.Fatalf("%q: the YAML reader: %v", src, err)
		}
		if got, want := dump(j), dump(y); got != want {
			t.Errorf("%q:\nJSON reader:\n%s\nYAML reader:\n%s", src, got, want)
		}
	}
	// what strict JSON does not allow goes to the YAML reader
	for _, src := range []string{"{\"a\": 1, // why\n \"b\": 2,}", "{\"a\": 1}\n{\"b\": 2}"} {
		if _, err := parseJSON(src); err == nil {
			t.Errorf("%q read as strict JSON", src)
		}
		if root, err := Parse(JSON, src); err != nil || len(root.Leaves()) == 0 {
			t.Errorf("%q: no keys through the fallback (%v)", src, err)
		}
	}
}

// dump prints a tree with every field, for comparisons.
func dump(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		fmt.Fprintf(&b, "%s%q@%d scalar=%q@%d\n", strings.Repeat("  ", depth), n.Key, n.Offset, n.Scalar, n.ScalarOffset)
		for _, k := range n.Kids {
			walk(k, depth+1)
		}
		for _, it := range n.Items {
			b.WriteString(strings.Repeat("  ", depth+1) + "-\n")
			walk(it, depth+2)
		}
	}
	walk(n, 0)
	return b.String()
}
