package index

import (
	"context"
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

// FuzzMentions searches arbitrary files, in a language docverify reads and
// in a data format, for names of every kind, their near spellings and
// env prefixes: no panic, no hang, and every mention on a line and
// column of the file it names.
func FuzzMentions(f *testing.F) {
	for _, seed := range [][2]string{
		{"package main\nvar _ = os.Getenv(\"APP_TOKEN\")\n// --dry-run\n", "APP_TOKEN"},
		{"{\"server\": {\"listen\": \":80\"}, \"exclude-namespaces\": []}", "server.listen"},
		{"flags:\n  - --exclude-namespaces\nenvPrefix: 'VITE_'\n", "exclude-namespace"},
		{"\xff\xfe\x00--\n\r\n\"\"\"", "--"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, body, name string) {
		if len(body) > 1<<16 || len(name) > 200 || name == "" {
			return
		}
		files := map[string]string{"main.go": body, "deploy/app.yaml": body, "notes.txt": body}
		root, paths := writeRepo(t, files)
		ix := newIndexer(t, root, paths, nil)
		qs := []verify.MentionQuery{
			{Kind: verify.Env, Name: name}, {Kind: verify.Flag, Name: strings.TrimLeft(name, "-")},
			{Kind: verify.Config, Name: name}, {Kind: verify.Flag, Name: verify.NearPrefix + name},
			{Kind: verify.Env, Name: verify.PassPrefix + name},
		}
		m, err := ix.Mentions(context.Background(), qs)
		if err != nil {
			return // a file that cannot be read is reported, not a failure here
		}
		lines := strings.Count(body, "\n") + 1
		for q, evs := range m {
			for _, e := range evs {
				if _, ok := files[e.Pos.File]; !ok || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
					t.Fatalf("query %q: mention at %v, outside the %d lines of the file", q, e.Pos, lines)
				}
			}
		}
	})
}

// FuzzFlagFiles reads arbitrary text as a flag definition file in each
// format it may be (JSON or YAML named for flags, Terraform): no panic, no
// hang, and every flag defined on a line of the file.
func FuzzFlagFiles(f *testing.F) {
	for _, seed := range []string{
		`{"flags": {"new-cart": {"state": "ENABLED", "variants": {"on": true}, "defaultVariant": "on"}}}`,
		"flags:\n  - key: gift-cards\n    type: BOOLEAN_FLAG_TYPE\n",
		`{"features": [{"name": "reviews", "strategies": []}]}`,
		"resource \"launchdarkly_feature_flag\" \"x\" {\n  key = \"pause\"\n}\n",
		"a: &a [*a, *a]\nb: *a\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<16 {
			return
		}
		lines := strings.Count(body, "\n") + 1
		for _, p := range []string{"flags.json", "deploy/features.yaml", "infra/flags.tf"} {
			facts, _ := flagFileFacts(p, []byte(body))
			for _, r := range facts.Reads {
				if r.Line < 1 || r.Line > lines || r.Col < 1 {
					t.Fatalf("%s: flag %q at %d:%d, outside the file's %d lines", p, r.Name, r.Line, r.Col, lines)
				}
			}
		}
	})
}
