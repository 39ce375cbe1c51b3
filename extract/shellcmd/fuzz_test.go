package shellcmd

import "testing"

// FuzzParse splits arbitrary text into commands: every word it returns
// lies inside the text.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"APP_X=1 app run --limit 3 | tee out\n",
		"$ docker run --rm -e APP_Y=2 acme/app --once\n",
		"PKG_CONFIG_PATH=\"$(brew --prefix x)/lib\" pkg-config --cflags\n",
		"for f in *; do app --file \"$f\"; done\n",
		"app \\\n  --a \\\n  --b\n",
		"'unterminated \"quote $(",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, mode := range []Mode{Auto, Script, Console} {
			for _, c := range Parse(src, mode) {
				for _, w := range c.Args {
					if w.Offset < 0 || w.Offset > len(src) {
						t.Fatalf("word %q at offset %d of %d bytes", w.Text, w.Offset, len(src))
					}
				}
				for _, a := range c.Assigns {
					if a.Offset < 0 || a.Offset+len(a.Name) > len(src) {
						t.Fatalf("assignment %q at offset %d of %d bytes", a.Name, a.Offset, len(src))
					}
				}
			}
		}
	})
}
