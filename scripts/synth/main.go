// Command synth writes a generated repository with the shapes real ones
// have, for scripts/bench-vs-rg.sh: Go, Python and TypeScript sources
// (langtest.SynthRepo), a one-line 1 MB JSON of package metadata, a
// lockfile, and generated reference pages naming thousands of names.
//
//	go run ./scripts/synth DIR [SCALE]
//
// SCALE multiplies everything (1 = 3,000 source files).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docverify/docverify/langs/langtest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: synth DIR [SCALE]")
		os.Exit(2)
	}
	dir, scale := os.Args[1], 1
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 {
			fmt.Fprintln(os.Stderr, "synth: SCALE must be a positive number")
			os.Exit(2)
		}
		scale = n
	}
	if err := write(dir, scale); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func write(dir string, scale int) error {
	if _, err := langtest.SynthRepo(dir, 3000*scale); err != nil {
		return err
	}
	put := func(p, body string) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(body), 0o644)
	}
	for s := 0; s < scale; s++ {
		// minified package metadata: one line of about 1 MB
		var b strings.Builder
		b.WriteString(`{"name":"fixture","versions":{`)
		for v := 0; b.Len() < 1<<20; v++ {
			fmt.Fprintf(&b, `"1.%d.0":{"name":"fixture","version":"1.%d.0","dependencies":{"left-pad":"^1.%d.0","svc-config-%d":"*"},"dist":{"tarball":"https://registry.example.com/fixture-1.%d.0.tgz"}},`, v, v, v, v, v)
		}
		b.WriteString(`"0.0.0":{}}}`)
		if err := put(fmt.Sprintf("web/fixtures/metadata-%d.json", s), b.String()); err != nil {
			return err
		}
		// a lockfile
		b.Reset()
		b.WriteString("{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n")
		for p := 0; p < 5000; p++ {
			fmt.Fprintf(&b, "    \"node_modules/pkg-%d\": {\"version\": \"1.0.%d\", \"resolved\": \"https://registry.example.com/pkg-%d.tgz\"},\n", p, p, p)
		}
		b.WriteString("    \"\": {}\n  }\n}\n")
		if err := put(fmt.Sprintf("web/package-lock-%d.json", s), b.String()); err != nil {
			return err
		}
		// generated reference pages: every option of every command
		for page := 0; page < 20; page++ {
			b.Reset()
			fmt.Fprintf(&b, "# svc command %d\n\n## Options\n\n```\n", page)
			for o := 0; o < 150; o++ {
				fmt.Fprintf(&b, "      --option-%d-%d string   what option %d does (env SVC_OPTION_%d_%d)\n", page, o, o, page, o)
			}
			b.WriteString("```\n")
			if err := put(fmt.Sprintf("docs/reference/s%d/svc_%d.md", s, page), b.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
