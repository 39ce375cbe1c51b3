//go:build cgo

package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/docverify/docverify/langs"
	"github.com/docverify/docverify/langs/index"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// codeIndex builds the code side of a run with tree-sitter.
type codeIndex struct {
	reg   *langs.Registry
	ix    *index.Indexer
	cache *index.Cache
}

func newCodeIndex(root string, files []string, o options) (*codeIndex, error) {
	reg, err := langs.New()
	if err != nil {
		return nil, fmt.Errorf("internal error: %w", err)
	}
	var cache *index.Cache
	if !o.noCache {
		if v := index.BinaryVersion(); v != 0 && o.cacheDir != "" {
			cache, _ = index.OpenCache(o.cacheDir, root, v) // a cache that cannot be opened is no cache
		}
	}
	abs, _ := filepath.Abs(root)
	ix := index.New(reg, index.Options{Root: root, Files: files, Jobs: o.jobs, Cache: cache, Project: lang.Project{RootName: filepath.Base(abs)}})
	return &codeIndex{reg: reg, ix: ix, cache: cache}, nil
}

// build runs both indexing phases and returns the joined index.
func (c *codeIndex) build(ctx context.Context, files []string) (*verify.Index, error) {
	facts, err := c.ix.Index(ctx)
	if err != nil {
		return nil, err
	}
	vix := verify.NewIndex(facts, files)
	if pending := vix.Pending(); len(pending) > 0 {
		if facts, err = c.ix.Resolve(ctx, pending); err != nil {
			return nil, err
		}
		vix = verify.NewIndex(facts, files)
	}
	// Files the prefilter ruled out were searched too: they hold nothing
	// any query looks for.
	vix.Stats.SourceFiles = c.ix.Stats.SourceFiles
	return vix, nil
}

func (c *codeIndex) mentions(ctx context.Context, qs []verify.MentionQuery) (map[string][]verify.Evidence, int, error) {
	m, err := c.ix.Mentions(ctx, qs)
	return m, c.ix.Stats.TextSearched, err
}

func (c *codeIndex) stats() indexStats {
	s := c.ix.Stats
	return indexStats{sourceFiles: s.SourceFiles, parsed: s.Parsed, cached: s.Cached, byLang: s.ByLang, unindexed: s.Unindexed}
}

func (c *codeIndex) problems() []fileProblem {
	var out []fileProblem
	for _, p := range c.ix.Problems {
		out = append(out, fileProblem{path: p.Path, message: p.Message})
	}
	return out
}

func (c *codeIndex) close() error {
	c.reg.Close()
	return c.cache.Save()
}
