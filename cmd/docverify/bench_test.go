package main

import (
	"context"
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

// BenchmarkCheck runs the whole pipeline on a synthetic repository of
// 3,000 source files and 60 docs: walk, extract, index (both phases),
// mention search, verdicts. Cold has no cache; warm reuses it, as repeated
// runs on a developer's machine or a cached CI job do.
func BenchmarkCheck(b *testing.B) {
	root := b.TempDir()
	if _, err := langtest.SynthRepo(root, 3000); err != nil {
		b.Fatal(err)
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := check(context.Background(), []string{root}, options{noCache: true, jobs: 2}, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		o := options{cacheDir: b.TempDir()}
		if _, err := check(context.Background(), []string{root}, o, nil); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := check(context.Background(), []string{root}, o, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
