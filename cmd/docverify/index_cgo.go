//go:build cgo

package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/docverify/docverify/cmd/docverify/internal/buildid"
	"github.com/docverify/docverify/cmd/docverify/internal/config"
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
	facts []verify.FileFacts // of the last build
}

func newCodeIndex(root string, files []string, o options, exts map[string]lang.Extension) (*codeIndex, error) {
	reg, err := langs.New(exts)
	if err != nil {
		return nil, fmt.Errorf("internal error: %w", err)
	}
	var cache *index.Cache
	if !o.noCache {
		if v := buildid.Hash(o.cacheDir); v != 0 && o.cacheDir != "" {
			// A repository's own read sites change what files yield, so
			// they are part of the cache's version.
			cache, _ = index.OpenCache(o.cacheDir, root, v^extensionsHash(exts)) // a cache that cannot be opened is no cache
		}
	}
	abs, _ := filepath.Abs(root)
	ix := index.New(reg, index.Options{Root: root, Files: files, Jobs: o.jobs, Cache: cache, Project: lang.Project{RootName: filepath.Base(abs)}, Indexed: o.progress.fileIndexed, FileTimeout: o.fileTimeout})
	return &codeIndex{reg: reg, ix: ix, cache: cache}, nil
}

func extensionsHash(exts map[string]lang.Extension) uint64 {
	if len(exts) == 0 {
		return 0
	}
	var names []string
	for n := range exts {
		names = append(names, n)
	}
	sort.Strings(names)
	h := xxhash.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%#v\x00", n, exts[n])
	}
	return h.Sum64()
}

// build runs both indexing phases and returns the joined index; extra
// facts (from the configuration) join those of the code.
func (c *codeIndex) build(ctx context.Context, files []string, extra []verify.FileFacts) (*verify.Index, error) {
	facts, err := c.ix.Index(ctx)
	if err != nil {
		return nil, err
	}
	vix := verify.NewIndex(append(facts, extra...), files)
	if pending := vix.Pending(); len(pending) > 0 {
		if facts, err = c.ix.Resolve(ctx, pending); err != nil {
			return nil, err
		}
		vix = verify.NewIndex(append(facts, extra...), files)
	}
	c.facts = append(facts, extra...)
	// Files the prefilter ruled out were searched too: they hold nothing
	// any query looks for.
	vix.Stats.SourceFiles = c.ix.Stats.SourceFiles
	return vix, nil
}

// before builds the index of the code as it was: the facts of the last
// build with those of the changed files replaced by their old contents.
// old maps paths to their content then; nil means the file did not exist.
func (c *codeIndex) before(ctx context.Context, files []string, old map[string][]byte) (*verify.Index, error) {
	var facts []verify.FileFacts
	for _, f := range c.facts {
		if _, changed := old[f.Path]; !changed {
			facts = append(facts, f)
		}
	}
	for p, src := range old {
		if src == nil {
			continue
		}
		f, err := c.ix.Facts(ctx, p, src)
		if err != nil {
			continue // an old version that cannot be parsed proves nothing
		}
		facts = append(facts, f)
	}
	return verify.NewIndex(facts, files), nil
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

// queryPosRE is tree-sitter's own position in a query error, which the
// configuration's line and column replace.
var queryPosRE = regexp.MustCompile(` at line \d+ column \d+$`)

// indexAvailable reports whether source can be indexed: always, with cgo.
func indexAvailable() error { return nil }

// languageNames are the languages a configuration's read sites may name.
func languageNames() []string { return langs.Names() }

// extensions turns a configuration's read sites into language
// extensions, compiling each query once to report its mistakes at the
// line of the configuration file they are on.
func extensions(cfg *config.Config, cfgName string) (map[string]lang.Extension, error) {
	exts := map[string]lang.Extension{}
	var errs []error
	for _, rs := range cfg.ReadSites {
		ext := exts[rs.Lang]
		spec := langs.ForName(rs.Lang)
		if spec == nil {
			continue // reported by config
		}
		if rs.Call != "" {
			ext.Calls = append(ext.Calls, lang.CallSite{
				Callee: strings.Split(rs.Call, "."), Arg: rs.Arg, Kind: kindNamed(rs.Kind),
				Via: fmt.Sprintf("%s (a read site of %s:%d)", rs.Call, cfgName, rs.Line),
			})
		}
		if rs.Query != "" {
			if err := lang.CheckQuery(spec, rs.Query); err != nil {
				line, col := rs.QueryLine, rs.QueryCol
				var qe *lang.QueryError
				if errors.As(err, &qe) && qe.Offset >= 0 && qe.Offset <= len(rs.Query) {
					before := rs.Query[:qe.Offset]
					if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
						line += strings.Count(before, "\n")
						col = rs.QueryCol + len(before) - nl - 1
					} else {
						col += len(before)
					}
				}
				msg := queryPosRE.ReplaceAllString(strings.TrimSpace(err.Error()), "")
				errs = append(errs, &config.Error{File: cfgName, Line: line, Col: col,
					Msg: fmt.Sprintf("read-sites: the %s query does not compile: %s", rs.Lang, msg)})
				continue
			}
			ext.Query += rs.Query + "\n"
			ext.Needles = append(ext.Needles, rs.Needles...)
		}
		exts[rs.Lang] = ext
	}
	return exts, errors.Join(errs...)
}
