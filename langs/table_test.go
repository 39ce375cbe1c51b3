package langs

import (
	"os"
	"strings"
	"testing"
)

// The README's table of languages is the specs' own account of what each
// language is read for; a language added or changed without the README
// fails here, with the table to paste.
func TestREADMELanguageTable(t *testing.T) {
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- languages:start -->\n", "<!-- languages:end -->"
	s := string(src)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q section", start, end)
	}
	if got, want := s[i+len(start):j], Table(); got != want {
		t.Errorf("README.md's table of languages is not the specs'; replace it with:\n%s", want)
	}
	for _, s := range Specs {
		if s.Idioms.Env == "" && s.Idioms.Flags == "" && s.Idioms.Config == "" {
			t.Errorf("%s says nothing of what it reads", s.Name)
		}
	}
}
