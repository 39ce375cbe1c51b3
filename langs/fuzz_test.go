package langs

import (
	"context"
	"strings"
	"testing"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// FuzzIndexers feeds arbitrary source to every language's indexer: it
// returns (a parse error is fine), and every site it reports lies on a
// line of the file.
func FuzzIndexers(f *testing.F) {
	for _, seed := range []string{
		`os.Getenv("APP_TOKEN")`,
		"package main\nimport \"flag\"\nvar dry = flag.Bool(\"dry-run\", false, \"\")\n",
		"import os\nos.environ.get('APP_X')\np.add_argument('--limit')\n",
		"#[derive(Parser)]\nstruct A { #[arg(long, env)] dry_run: bool }\n",
		"const x = process.env.APP_Y; program.option('--once')\n",
		"ENV['APP_Z']; opts.on('--force')\n",
		"getenv('APP_W'); $_ENV['APP_V'];\n",
		"System.getenv(\"APP_U\"); @Value(\"${app.limit}\")\n",
		"Environment.GetEnvironmentVariable(\"APP_T\");\n",
		"#!/bin/sh\n: \"${APP_S:=1}\"\ncase $1 in --quiet) ;; esac\n",
		strings.Repeat("(", 2000) + strings.Repeat(")", 2000),
		strings.Repeat("{a:", 500) + strings.Repeat("}", 500),
	} {
		f.Add(seed)
	}
	var compiled []*lang.Compiled
	for _, s := range Specs {
		c, err := lang.Compile(s)
		if err != nil {
			f.Fatal(err)
		}
		compiled = append(compiled, c)
	}
	w := lang.NewWorker()
	f.Cleanup(func() {
		w.Close()
		for _, c := range compiled {
			c.Close()
		}
	})
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		for _, c := range compiled {
			path := "src/fuzz" + c.Spec.Extensions[0]
			ff, err := w.Facts(context.Background(), c, path, []byte(src), lang.Project{RootName: "root"})
			if err != nil {
				continue
			}
			check := func(what string, s verify.Site) {
				if s.Line < 1 || s.Line > lines || s.Col < 1 {
					t.Fatalf("%s: %s at %d:%d, outside a %d-line file", c.Spec.Name, what, s.Line, s.Col, lines)
				}
			}
			for _, r := range ff.Reads {
				check("read "+r.Name, r.Site)
			}
			for _, d := range ff.Dynamic {
				check("dynamic "+d.Prefix, d.Site)
			}
		}
	})
}
