package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzMarkdown extracts the claims of arbitrary documents. Whatever the
// bytes, extraction returns (never panics or hangs) and every claim's
// position is inside the document, on a line that exists.
func FuzzMarkdown(f *testing.F) {
	for _, seed := range []string{
		"Set `APP_TOKEN` to your token.\n",
		"To disable the importer in an emergency, set `IMPORT_PAUSED=1` and run `importer --dry-run`.\n",
		"| Variable | Meaning |\n|---|---|\n| `APP_A` | rate limit |\n",
		"```console\n$ APP_X=1 app run --limit 3\n```\n",
		"```yaml\napp:\n  retry:\n    max_attempts: 3\n```\n",
		"```toml\n[server]\nport = 8080\n```\n",
		"```json\n{\"app\": {\"timeout\": 3}}\n",
		"<!-- docverify-disable -- reason -->\n`X_Y`\n<!-- docverify-enable -->\n",
		"# `--flag` ####\n\n- `a.b.c` ( **A_B_C** )\n",
		"`" + strings.Repeat("`a` ", 50) + "\n",
		"> > > - - - `X_Y`\n",
		"\x00\xff\xfe`A_B`\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		doc, err := Markdown("docs/fuzz.md", src)
		if err != nil {
			return // a document it refuses is reported, not a crash
		}
		if d := time.Since(start); d > 5*time.Second && len(src) < 4096 {
			t.Fatalf("%d bytes took %v", len(src), d)
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, c := range doc.Claims {
			if c.Pos.Line < 1 || c.Pos.Line > lines || c.Pos.Col < 1 {
				t.Fatalf("claim %q at %d:%d, outside a %d-line document", c.Name, c.Pos.Line, c.Pos.Col, lines)
			}
			if c.Name == "" {
				t.Fatalf("empty claim name at %d:%d", c.Pos.Line, c.Pos.Col)
			}
			if utf8.ValidString(string(src)) && !utf8.ValidString(c.Name) {
				t.Fatalf("claim name %q is not UTF-8 though the document is", c.Name)
			}
		}
	})
}
