package langtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SynthRepo writes a deterministic repository of n source files under dir
// for benchmarks: Go, Python and TypeScript in equal parts, about 120
// lines each. One file in ten reads env vars, defines flags or holds
// config structures; the rest is ordinary code the prefilter should skip.
// It also writes a docs/ tree with one doc per 50 files, each claiming
// names that exist and a few that do not. It returns the file paths
// (slash, relative), docs excluded.
func SynthRepo(dir string, n int) ([]string, error) {
	var files []string
	write := func(p, body string) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(body), 0o644)
	}
	filler := func(comment string, i int) string {
		var b strings.Builder
		for l := 0; l < 100; l++ {
			fmt.Fprintf(&b, "%s line %d of file %d: ordinary code that reads no settings at all\n", comment, l, i)
		}
		return b.String()
	}
	for i := 0; i < n; i++ {
		pkg := fmt.Sprintf("pkg%03d", i/20)
		reads := i%10 == 0
		var p, body string
		switch i % 3 {
		case 0:
			p = fmt.Sprintf("svc/%s/f%04d.go", pkg, i)
			body = fmt.Sprintf("package %s\n\nimport \"strings\"\n\nfunc F%d(s string) string { return strings.ToUpper(s) }\n%s", pkg, i, filler("//", i))
			if reads {
				body = fmt.Sprintf("package %s\n\nimport (\n\t\"flag\"\n\t\"os\"\n)\n\ntype Config%d struct {\n\tRetry Retry%d `yaml:\"retry\"`\n}\n\ntype Retry%d struct {\n\tMax int `yaml:\"max_attempts_%d\"`\n}\n\nvar dry%d = flag.Bool(\"dry-run-%d\", false, \"\")\n\nfunc G%d() string { return os.Getenv(\"SVC_GO_%d\") + getEnv(\"SVC_WRAP_%d\") }\n\nfunc getEnv(k string) string { return os.Getenv(k) }\n%s", pkg, i, i, i, i, i, i, i, i, i, filler("//", i))
			}
		case 1:
			p = fmt.Sprintf("worker/%s/m%04d.py", pkg, i)
			body = fmt.Sprintf("def f%d(s):\n    return s.upper()\n%s", i, filler("#", i))
			if reads {
				body = fmt.Sprintf("import os\n\nVALUE = os.environ.get(\"SVC_PY_%d\", \"x\")\nparser.add_argument(\"--limit-%d\")\n%s", i, i, filler("#", i))
			}
		default:
			p = fmt.Sprintf("web/%s/c%04d.ts", pkg, i)
			body = fmt.Sprintf("export function f%d(s: string): string {\n  return s.toUpperCase();\n}\n%s", i, filler("//", i))
			if reads {
				body = fmt.Sprintf("export const v%d = process.env.SVC_TS_%d ?? \"x\";\nexport const on%d = client.getBooleanValue(\"flag-%d\", false);\n%s", i, i, i, i, filler("//", i))
			}
		}
		if err := write(p, body); err != nil {
			return nil, err
		}
		files = append(files, p)
	}
	for d := 0; d*50 < n; d++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Service %d\n\n## Settings\n\n| Variable | Meaning |\n|---|---|\n", d)
		for i := d * 50; i < (d+1)*50 && i < n; i++ {
			if i%10 != 0 {
				continue
			}
			switch i % 3 {
			case 0:
				fmt.Fprintf(&b, "| `SVC_GO_%d` | a setting |\n| `SVC_WRAP_%d` | another |\n", i, i)
			case 1:
				fmt.Fprintf(&b, "| `SVC_PY_%d` | a setting |\n", i)
			default:
				fmt.Fprintf(&b, "| `SVC_TS_%d` | a setting |\n", i)
			}
		}
		fmt.Fprintf(&b, "| `SVC_PHANTOM_%d` | disables the thing in an emergency |\n\n```console\n$ svc --dry-run-%d --limit-%d\n```\n", d, d*50, d*50+1)
		if err := write(fmt.Sprintf("docs/service%03d.md", d), b.String()); err != nil {
			return nil, err
		}
	}
	return files, nil
}
