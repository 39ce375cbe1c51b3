package history

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
)

// A verdict depends on the names asked for, the commit the walk starts
// from, the files changed since it and the limits; nothing else. An
// editor's save hook asks the same names again and again of the same
// HEAD, and the walk costs up to its whole budget (two seconds) each
// time: SearchCached keeps the verdicts per repository and HEAD, in a
// small file of the cache directory, and walks only for names it has not
// answered for that HEAD. A new commit is a new file; old ones are
// removed when the next is written.

// maxCachedVerdicts bounds one cache file: a run over a repository with
// thousands of missing names keeps the first ones, sorted, and walks for
// the rest every time rather than writing an unbounded file.
const maxCachedVerdicts = 10000

// maxCacheFile is the most of a cache file read back; a larger one is
// someone else's file and is ignored.
const maxCacheFile = 4 << 20

// SearchCached is Search with the verdicts kept under dir for the
// repository's HEAD; dir "" is no cache.
func SearchCached(ctx context.Context, root string, names []string, lim Limits, dir string) (map[string]Verdict, error) {
	if dir == "" {
		return Search(ctx, root, names, lim)
	}
	repo, head, err := open(root)
	if err != nil {
		return nil, err
	}
	key, prefix, err := cacheKey(root, head.Hash().String(), lim)
	if err != nil {
		return search(ctx, repo, head, names, lim)
	}
	path := filepath.Join(dir, "history", key+".json")
	cached := readVerdicts(path)
	var ask []string
	out := map[string]Verdict{}
	for _, n := range names {
		if v, ok := cached[n]; ok {
			out[n] = v
		} else {
			ask = append(ask, n)
		}
	}
	if len(ask) == 0 {
		return out, nil
	}
	found, err := search(ctx, repo, head, ask, lim)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return found, nil // an interrupted walk is not kept as an answer
	}
	for n, v := range found {
		out[n] = v
		cached[n] = v
	}
	writeVerdicts(filepath.Join(dir, "history"), prefix, path, cached) // a cache that cannot be written costs the next run time, not this run's results
	return out, nil
}

// cacheKey names a cache file: the repository's root, HEAD and limits,
// hashed; prefix is the part that names the repository alone, so that
// files of its older HEADs can be found and removed.
func cacheKey(root, head string, lim Limits) (key, prefix string, err error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", "", err
	}
	r := sha256.Sum256([]byte(abs))
	prefix = hex.EncodeToString(r[:8])
	uncommitted := append([]string(nil), lim.Uncommitted...)
	sort.Strings(uncommitted)
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d\x00%s", head, lim.Commits, lim.Budget, strings.Join(uncommitted, "\x00"))))
	return prefix + "-" + hex.EncodeToString(h[:12]), prefix, nil
}

func readVerdicts(path string) map[string]Verdict {
	out := map[string]Verdict{}
	b, err := safefile.Read(path, maxCacheFile)
	if err != nil {
		return out
	}
	if json.Unmarshal(b, &out) != nil {
		return map[string]Verdict{} // a corrupt file is no cache; the next write replaces it
	}
	return out
}

// writeVerdicts writes the verdicts to path through a temporary file, so
// that a concurrent run reads the old file or the new one, never half of
// one, and removes the repository's files for other HEADs.
func writeVerdicts(dir, prefix, path string, vs map[string]Verdict) {
	if len(vs) > maxCachedVerdicts {
		names := make([]string, 0, len(vs))
		for n := range vs {
			names = append(names, n)
		}
		sort.Strings(names)
		kept := map[string]Verdict{}
		for _, n := range names[:maxCachedVerdicts] {
			kept[n] = vs[n]
		}
		vs = kept
	}
	b, err := json.Marshal(vs)
	if err != nil || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".verdicts-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return
	}
	old, _ := filepath.Glob(filepath.Join(dir, prefix+"-*.json"))
	for _, p := range old {
		if p != path {
			os.Remove(p)
		}
	}
}
