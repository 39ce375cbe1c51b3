package changes

import (
	"fmt"
	"sort"
	"testing"
)

func lines(m map[int]bool) string {
	var out []int
	for l := range m {
		out = append(out, l)
	}
	sort.Ints(out)
	return fmt.Sprint(out)
}

// Added and changed lines are counted in the new file; removed lines
// leave nothing behind to report.
func TestAddedLines(t *testing.T) {
	for _, c := range []struct{ old, cur, want string }{
		{"a\nb\nc\n", "a\nb\nc\n", "[]"},
		{"a\nb\nc\n", "a\nX\nb\nc\n", "[2]"},
		{"a\nb\nc\n", "a\nB\nc\n", "[2]"},
		{"a\nb\nc\n", "a\nc\n", "[]"},
		{"a\nb", "a\nb\nc", "[2 3]"}, // the old last line gained a newline
		{"a\nb\n", "a\nb\nc\nd\n", "[3 4]"},
		{"", "a\nb\n", "[1 2]"},
		{"a\nb\nc\nd\n", "d\na\nb\nc\n", "[1]"},
	} {
		if got := lines(addedLines(c.old, c.cur)); got != c.want {
			t.Errorf("%q → %q: got %s, want %s", c.old, c.cur, got, c.want)
		}
	}
}
