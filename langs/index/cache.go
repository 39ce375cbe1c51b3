package index

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
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
	tree     uint64
	mentions map[string][]verify.Evidence // by mentionKey
	searched int
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
	Version uint64
	Entries map[string]entry
	// Tree fingerprints every file's path, size and time when Mentions
	// were searched; while it holds, their answers hold too.
	Tree     uint64
	Mentions map[string][]verify.Evidence
	Searched int
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
		c.tree, c.mentions, c.searched = cf.Tree, cf.Mentions, cf.Searched
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
	if err := gob.NewEncoder(&buf).Encode(cacheFile{Version: c.version, Entries: c.entries, Tree: c.tree, Mentions: c.mentions, Searched: c.searched}); err != nil {
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

// cachedMentions returns the remembered mentions of the queries searched
// before in the same tree, and the queries still to search: every query
// of a name whose combination of kinds has not been searched.
func (c *Cache) cachedMentions(tree uint64, qs []verify.MentionQuery) (map[string][]verify.Evidence, []verify.MentionQuery, int) {
	if c == nil {
		return map[string][]verify.Evidence{}, qs, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tree != tree {
		c.tree, c.mentions, c.searched, c.dirty = tree, map[string][]verify.Evidence{}, 0, true
	}
	keys := mentionKeys(qs)
	found := map[string][]verify.Evidence{}
	var rest []verify.MentionQuery
	for _, q := range qs {
		evs, ok := c.mentions[keys[q.Name]]
		if !ok {
			rest = append(rest, q)
			continue
		}
		if len(evs) > 0 {
			found[q.Name] = evs
		}
	}
	return found, rest, c.searched
}

// rememberMentions records the answers for queries searched in a tree;
// a query with no mention is remembered as such.
func (c *Cache) rememberMentions(qs []verify.MentionQuery, found map[string][]verify.Evidence, searched int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mentions == nil {
		c.mentions = map[string][]verify.Evidence{}
	}
	for name, key := range mentionKeys(qs) {
		c.mentions[key] = append([]verify.Evidence{}, found[name]...)
	}
	c.searched = searched
	c.dirty = true
}

// BinaryVersion identifies the running binary by the hash of its file, so
// that a cache written by another build is not used. If the binary cannot
// be read, it returns 0 and the caller should not use a cache.
func BinaryVersion() uint64 {
	exe, err := os.Executable()
	if err != nil {
		return 0
	}
	f, err := os.Open(exe)
	if err != nil {
		return 0
	}
	defer f.Close()
	h := xxhash.New()
	if _, err := io.Copy(h, f); err != nil {
		return 0
	}
	return h.Sum64()
}
