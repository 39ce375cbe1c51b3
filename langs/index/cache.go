package index

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/docverify/docverify/verify"
)

// Cache keeps the facts of parsed files between runs, keyed by path and
// content, in one file per repository under the user's cache directory.
// An entry is found by the file's size and modification time without
// reading it, or else by the hash of its content, so a fresh clone (new
// times, same content) still hits.
//
// The cache is tied to the binary: any change to docverify — a query, a
// rule of the engine — changes the binary and starts a fresh cache, so
// stale facts are never used.
type Cache struct {
	file    string
	version uint64

	mu       sync.Mutex
	entries  map[string]entry
	mentions mentionState
	dirty    bool
}

type entry struct {
	Size    int64
	ModTime int64
	// Change is the inode's change time and Inode its number, where the
	// system has them: restoring a file's modification time after a
	// same-size edit (touch -r) changes its change time, which no user
	// can set, so a stat match means the content is the one hashed.
	Change  int64
	Inode   uint64
	Hash    uint64
	Skipped bool // read, and the prefilter found nothing to parse
	// Scanned is the key of the set of identifiers a skipped file was last
	// searched for in phase 2 and found not to hold.
	Scanned uint64
	Facts   verify.FileFacts
}

type cacheFile struct {
	Version  uint64
	Entries  map[string]entry
	Mentions mentionState
}

// OpenCache loads the cache for a repository root from dir (created if
// missing). version identifies the binary; a cache of another version is
// discarded. A cache that cannot be read is discarded too: it is only a
// cache.
func OpenCache(dir, root string, version uint64) (*Cache, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	c := &Cache{file: filepath.Join(dir, fmt.Sprintf("%016x.gob", xxhash.Sum64String(abs))), version: version, entries: map[string]entry{}}
	data, err := os.ReadFile(c.file)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, nil
	}
	var cf cacheFile
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&cf) == nil && cf.Version == version && cf.Entries != nil {
		c.entries = cf.Entries
		c.mentions = cf.Mentions
	}
	return c, nil
}

// Save writes the cache if it changed, atomically.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty {
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cacheFile{Version: c.version, Entries: c.entries, Mentions: c.mentions}); err != nil {
		return fmt.Errorf("encoding the cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the cache: %w", err)
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.file); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing the cache: %w", err)
	}
	c.dirty = false
	return nil
}

func (c *Cache) byStat(p string, info fs.FileInfo) (entry, bool) {
	if c == nil {
		return entry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[p]
	change, inode := statIdentity(info)
	return e, ok && e.Size == info.Size() && e.ModTime == info.ModTime().UnixNano() && e.Change == change && e.Inode == inode
}

func (c *Cache) byHash(p string, sum uint64, info fs.FileInfo) (entry, bool) {
	if c == nil {
		return entry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[p]
	if !ok || e.Hash != sum || e.Size != info.Size() {
		return entry{}, false
	}
	e.ModTime = info.ModTime().UnixNano() // the content is the same: remember the new times
	e.Change, e.Inode = statIdentity(info)
	c.entries[p] = e
	c.dirty = true
	return e, true
}

func (c *Cache) put(p string, info fs.FileInfo, sum uint64, e entry) {
	if c == nil {
		return
	}
	e.Size, e.ModTime, e.Hash = info.Size(), info.ModTime().UnixNano(), sum
	e.Change, e.Inode = statIdentity(info)
	c.mu.Lock()
	c.entries[p] = e
	c.dirty = true
	c.mu.Unlock()
}

func contentHash(src []byte) uint64 { return xxhash.Sum64(src) }

// scanKey identifies a set of identifiers, in any order.
func scanKey(want map[string]bool) uint64 {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return xxhash.Sum64String(strings.Join(keys, "\x00"))
}

// mentionKeys gives each queried name the key its answer is cached under:
// the name with every kind it is queried as. The search treats a name by
// its kinds (a flag's bare word counts only where written as a flag, a
// config key also matches nested keys), so "keyfile" asked as a flag alone
// and asked as a flag and a config key are different questions, and an
// answer must be a function of its own key only.
func mentionKeys(qs []verify.MentionQuery) map[string]string {
	kinds := map[string][]string{}
	for _, q := range qs {
		k := q.Kind.String()
		if !slices.Contains(kinds[q.Name], k) {
			kinds[q.Name] = append(kinds[q.Name], k)
		}
	}
	keys := make(map[string]string, len(kinds))
	for name, ks := range kinds {
		sort.Strings(ks)
		keys[name] = strings.Join(ks, "+") + ":" + name
	}
	return keys
}

// mentionState is what the text search found, per file: every query
// below was searched in every file listed, as the file was when its
// identity was taken.
type mentionState struct {
	Queries map[string][]verify.MentionQuery // by mentionKey: the queries of one name, its kinds
	Files   map[string]fileMentions
}

// fileMentions is one file's part of the search: its identity when
// searched, and its hits by mentionKey. Unsearched marks a file the
// search does not read (a lock file) or could not read.
type fileMentions struct {
	Ident      fileIdent
	Unsearched bool
	Hits       map[string]keyHits
}

type keyHits struct {
	Mentions, Together []verify.Evidence
}

// fileIdent is a file's identity by stat: as in the parse cache, the
// change time and inode catch a same-size edit with its time put back.
type fileIdent struct {
	Size, ModTime, Change int64
	Inode                 uint64
}

func identOf(info fs.FileInfo) fileIdent {
	change, inode := statIdentity(info)
	return fileIdent{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Change: change, Inode: inode}
}

// mentionBatch is one search to run: files by index and the queries to
// search them for, with no name twice (a name is searched with all its
// kinds at once). fresh marks files whose remembered hits are stale.
type mentionBatch struct {
	files []int
	qs    []verify.MentionQuery
	fresh bool
}

// mentionPlan is what a run must search: the changed files for every
// query, the unchanged ones for the new queries only.
type mentionPlan struct {
	batches []mentionBatch
	newKeys map[string][]verify.MentionQuery
}

// planMentions compares the files with what the cache searched, drops
// the files gone, and plans the searches that bring the cache up to the
// files and queries of this run.
func (c *Cache) planMentions(paths []string, idents []fileIdent, qs []verify.MentionQuery) mentionPlan {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := &c.mentions
	if len(st.Queries) > maxSearchedKeys {
		// names asked once and never again pile up; past a bound the
		// search starts over rather than read every changed file for all
		*st = mentionState{}
	}
	if st.Queries == nil || st.Files == nil {
		st.Queries, st.Files = map[string][]verify.MentionQuery{}, map[string]fileMentions{}
	}
	present := make(map[string]bool, len(paths))
	var changed, unchanged []int
	for i, p := range paths {
		present[p] = true
		if e, ok := st.Files[p]; ok && idents[i] != (fileIdent{}) && e.Ident == idents[i] {
			unchanged = append(unchanged, i)
		} else {
			changed = append(changed, i)
		}
	}
	for p := range st.Files {
		if !present[p] {
			delete(st.Files, p)
			c.dirty = true
		}
	}
	plan := mentionPlan{newKeys: map[string][]verify.MentionQuery{}}
	keys := mentionKeys(qs)
	for _, q := range qs {
		if k := keys[q.Name]; st.Queries[k] == nil {
			plan.newKeys[k] = append(plan.newKeys[k], q)
		}
	}
	var old, fresh [][]verify.MentionQuery
	for _, k := range sortedKeys(st.Queries) {
		old = append(old, st.Queries[k])
	}
	for _, k := range sortedKeys(plan.newKeys) {
		fresh = append(fresh, plan.newKeys[k])
	}
	for n, group := range byUniqueName(append(old, fresh...)) {
		plan.batches = append(plan.batches, mentionBatch{files: changed, qs: group, fresh: n == 0})
	}
	for _, group := range byUniqueName(fresh) {
		plan.batches = append(plan.batches, mentionBatch{files: unchanged, qs: group})
	}
	return plan
}

// maxSearchedKeys bounds the names the cache keeps searching changed
// files for: several times what a large repository's docs claim.
const maxSearchedKeys = 50_000

// byUniqueName puts the queries of each key (one name with its kinds)
// into groups in which no name appears twice: "keyfile" asked as a flag,
// and as a flag and a key, are two searches.
func byUniqueName(units [][]verify.MentionQuery) [][]verify.MentionQuery {
	var groups [][]verify.MentionQuery
	var names []map[string]bool
	for _, u := range units {
		if len(u) == 0 {
			continue
		}
		g := 0
		for ; g < len(groups) && names[g][u[0].Name]; g++ {
		}
		if g == len(groups) {
			groups, names = append(groups, nil), append(names, map[string]bool{})
		}
		groups[g] = append(groups[g], u...)
		names[g][u[0].Name] = true
	}
	return groups
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// rememberHits records one batch's search: each searched file's hits, by
// the key of the name's kinds in that batch.
func (c *Cache) rememberHits(paths []string, idents []fileIdent, b mentionBatch, found map[string]*fileHits) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := mentionKeys(b.qs)
	for _, i := range b.files {
		p := paths[i]
		e, ok := c.mentions.Files[p]
		if b.fresh || !ok {
			e = fileMentions{Ident: idents[i]}
		}
		h, searched := found[p]
		e.Unsearched = !searched
		if searched {
			set := func(name string, fn func(*keyHits)) {
				k, ok := keys[name]
				if !ok {
					return
				}
				if e.Hits == nil {
					e.Hits = map[string]keyHits{}
				}
				kh := e.Hits[k]
				fn(&kh)
				e.Hits[k] = kh
			}
			for name, evs := range h.Mentions {
				set(name, func(kh *keyHits) { kh.Mentions = evs })
			}
			for name, evs := range h.Together {
				set(name, func(kh *keyHits) { kh.Together = evs })
			}
		}
		c.mentions.Files[p] = e
	}
	c.dirty = true
}

// answer ends a run's search: the new queries join the searched ones,
// and every query is answered from all files' hits. It also returns how
// many files the search reads.
func (c *Cache) answer(plan mentionPlan, qs []verify.MentionQuery) (map[string][]verify.Evidence, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, q := range plan.newKeys {
		c.mentions.Queries[k] = q
	}
	if len(plan.newKeys) > 0 {
		c.dirty = true
	}
	keys := mentionKeys(qs)
	byKey := make(map[string]string, len(keys)) // key -> name
	for name, k := range keys {
		byKey[k] = name
	}
	files := map[string]*fileHits{}
	searched := 0
	for p, e := range c.mentions.Files {
		if e.Unsearched {
			continue
		}
		searched++
		var h *fileHits
		for k, kh := range e.Hits {
			name, ok := byKey[k]
			if !ok {
				continue
			}
			if h == nil {
				h = &fileHits{Mentions: map[string][]verify.Evidence{}, Together: map[string][]verify.Evidence{}}
				files[p] = h
			}
			if len(kh.Mentions) > 0 {
				h.Mentions[name] = kh.Mentions
			}
			if len(kh.Together) > 0 {
				h.Together[name] = kh.Together
			}
		}
	}
	return mergeHits(files, qs), searched
}

// forgetMentions drops the search state, after a search that did not
// finish: half a batch must not pass for a searched tree.
func (c *Cache) forgetMentions() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.mentions = mentionState{}
	c.dirty = true
}
