package index

import (
	"context"
	"os"
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
