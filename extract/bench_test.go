package extract

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkMarkdown extracts the claims of a long operations doc: prose,
// tables, shell and config snippets, about 2,000 lines.
func BenchmarkMarkdown(b *testing.B) {
	var d strings.Builder
	for s := 0; s < 100; s++ {
		fmt.Fprintf(&d, "## Section %d\n\nTo disable the importer in an emergency, set `IMPORT_%d_PAUSED=1` and run `importer --dry-run-%d`.\n", s, s, s)
		fmt.Fprintf(&d, "The `IMPORT_%d_TIMEOUT` environment variable bounds each call; see `config.yaml` and https://example.com/x.\n\n", s)
		fmt.Fprintf(&d, "| Variable | Default | Description |\n|---|---|---|\n| `IMPORT_%d_A` | `1` | Rate limit per tenant. |\n| `IMPORT_%d_B` | `x` | Same as `--b-%d`. |\n\n", s, s, s)
		fmt.Fprintf(&d, "```console\n$ IMPORT_%d_C=1 importer run --limit %d --region eu\nStarting...\n$ docker run --rm -e IMPORT_%d_D=1 acme/importer --once\n```\n\n", s, s, s)
		fmt.Fprintf(&d, "Add this to your config file:\n\n```yaml\nimport_%d:\n  retry:\n    max_attempts: 3\n  batch_size: 100\n```\n\n", s)
	}
	src := []byte(d.String())
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := Markdown("docs/ops.md", src)
		if err != nil || len(doc.Claims) == 0 {
			b.Fatalf("%d claims, %v", len(doc.Claims), err)
		}
	}
}

// BenchmarkOneSentenceOfManyNames extracts a sentence that names 1,000
// variables, and one that names 2,000: sentence-wide work repeated per
// claim once made 4,000 names cost 55 s. scripts/scaling.sh checks that
// the 2x sentence costs about twice the 1x.
func BenchmarkOneSentenceOfManyNames(b *testing.B) {
	for _, scale := range []int{1, 2} {
		b.Run(fmt.Sprintf("n=%dx", scale), func(b *testing.B) {
			var d strings.Builder
			d.WriteString("To stop the importer, set")
			for i := 0; i < 1000*scale; i++ {
				fmt.Fprintf(&d, " `IMPORT_SETTING_%d`,", i)
			}
			d.WriteString(" and restart it.\n")
			src := []byte(d.String())
			b.SetBytes(int64(len(src)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				doc, err := Markdown("docs/ops.md", src)
				if err != nil || len(doc.Claims) < 1000*scale {
					b.Fatalf("%d claims, %v", len(doc.Claims), err)
				}
			}
		})
	}
}
