package lines

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// naive is what an editor shows: the line is one plus the newlines before
// the offset, the column one plus the characters since the line began.
func naive(src []byte, off int) (int, int) {
	line := 1 + strings.Count(string(src[:off]), "\n")
	start := strings.LastIndexByte(string(src[:off]), '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

func TestPosMatchesAnEditor(t *testing.T) {
	pieces := []string{"a", "Z", "_", " ", "\n", "é", "日本", "😀", "\r\n", strings.Repeat("x", chunk-1)}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		var b strings.Builder
		for b.Len() < 3*chunk {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		src := []byte(b.String())
		tab := New(src)
		for off := 0; off <= len(src); off++ {
			if off < len(src) && !utf8.RuneStart(src[off]) {
				continue // sites start at characters
			}
			wl, wc := naive(src, off)
			if l, c := tab.Pos(off); l != wl || c != wc {
				t.Fatalf("case %d offset %d: got %d:%d, an editor shows %d:%d", n, off, l, c, wl, wc)
			}
		}
	}
}

func TestTextAndStart(t *testing.T) {
	tab := New([]byte("one\ntwo é\n\nlast"))
	for line, want := range map[int]string{1: "one", 2: "two é", 3: "", 4: "last", 0: "", 5: ""} {
		if got := tab.Text(line); got != want {
			t.Errorf("Text(%d) = %q, want %q", line, got, want)
		}
	}
	if tab.Lines() != 4 || tab.Start(2) != 4 || tab.Start(4) != 12 {
		t.Errorf("Lines %d, Start(2) %d, Start(4) %d; want 4, 4, 12", tab.Lines(), tab.Start(2), tab.Start(4))
	}
	if l, c := tab.Pos(1 << 20); l != 4 || c != 5 {
		t.Errorf("an offset past the end is at %d:%d, want the end 4:5", l, c)
	}
}

// BenchmarkSitesOnOneLine asks for the position of every 20th byte of a
// one-line file with non-ASCII text, as a minified bundle gives: the
// cost per lookup must not grow with the line (compare n=1x and n=4x).
func BenchmarkSitesOnOneLine(b *testing.B) {
	for _, n := range []struct {
		name string
		size int
	}{{"n=1x", 1 << 18}, {"n=4x", 1 << 20}} {
		src := []byte(strings.Repeat(`{"näme":"x"},`, n.size/14))
		b.Run(n.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				tab := New(src)
				for off := 0; off < len(src); off += 20 {
					tab.Pos(off)
				}
			}
		})
	}
}
