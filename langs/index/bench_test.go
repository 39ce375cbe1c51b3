package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/docverify/docverify/langs/langtest"
	"github.com/docverify/docverify/verify"
)

// benchFiles is the size of the synthetic repository: 3,000 files of about
// 120 lines, some 360,000 lines in all.
const benchFiles = 3000

var (
	benchOnce  sync.Once
	benchRoot  string
	benchPaths []string
	benchErr   error
)

// benchRepo writes the synthetic repository once per process: benchmark
// functions run several times, and writing 3,000 files each time would
// swamp what they measure. TestMain removes it.
func benchRepo(b *testing.B) (string, []string) {
	b.Helper()
	benchOnce.Do(func() {
		if benchRoot, benchErr = os.MkdirTemp("", "docverify-bench-"); benchErr == nil {
			benchPaths, benchErr = langtest.SynthRepo(benchRoot, benchFiles)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchRoot, benchPaths
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

// BenchmarkIndexCold indexes the repository with no cache: both phases.
func BenchmarkIndexCold(b *testing.B) {
	root, files := benchRepo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := newIndexer(b, root, files, nil)
		facts, err := ix.Index(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Resolve(context.Background(), verify.NewIndex(facts, files).Pending()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndexWarm indexes an unchanged repository from the cache, as
// an editor's save hook or a second CI run does.
func BenchmarkIndexWarm(b *testing.B) {
	root, files := benchRepo(b)
	dir := b.TempDir()
	warm := func() {
		cache, err := OpenCache(dir, root, 1)
		if err != nil {
			b.Fatal(err)
		}
		ix := newIndexer(b, root, files, cache)
		if _, err := ix.Index(context.Background()); err != nil {
			b.Fatal(err)
		}
		if err := cache.Save(); err != nil {
			b.Fatal(err)
		}
	}
	warm()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		warm()
	}
}

// BenchmarkMentions searches the text of the repository for a handful of
// names, as a run does for the claims no read site backs.
func BenchmarkMentions(b *testing.B) {
	root, files := benchRepo(b)
	ix := newIndexer(b, root, files, nil)
	qs := []verify.MentionQuery{{Kind: verify.Env, Name: "SVC_PHANTOM_1"}, {Kind: verify.Flag, Name: "dry-run-50"}, {Kind: verify.Config, Name: "retry.max_attempts_0"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Mentions(context.Background(), qs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMentionsMinifiedJSON searches a JSON file written on one
// line, whose keys include a queried key's leaf: the shape of a package
// registry cache or a generated schema, at 0.75 MB and twice that (the
// most a file may be is MaxFileSize).
// Positions along that one line must not cost a walk from its start each
// (renovate's data files once took two minutes); scripts/scaling.sh
// checks that the 2x size costs about twice the 1x.
func BenchmarkMentionsMinifiedJSON(b *testing.B) {
	for _, scale := range []int{1, 2} {
		b.Run(fmt.Sprintf("n=%dx", scale), func(b *testing.B) {
			root := b.TempDir()
			var sb strings.Builder
			sb.WriteString("{")
			for i := 0; i < 15000*scale; i++ {
				if i > 0 {
					sb.WriteString(",")
				}
				fmt.Fprintf(&sb, `"pkg%d":{"name":"p%d","versions":["1.0.%d"]}`, i, i, i)
			}
			sb.WriteString("}")
			if err := os.WriteFile(filepath.Join(root, "data.json"), []byte(sb.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			ix := newIndexer(b, root, []string{"data.json"}, nil)
			qs := []verify.MentionQuery{{Kind: verify.Config, Name: "registry.name"}, {Kind: verify.Env, Name: "APP_TOKEN"}}
			b.SetBytes(int64(sb.Len()))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := ix.Mentions(context.Background(), qs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
