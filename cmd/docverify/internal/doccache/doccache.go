// Package doccache keeps what extraction made of each doc between runs,
// keyed by the doc's path and the hash of its content, so that a warm run
// reads a changed doc again and takes every other doc's claims as they
// were. The cache is tied to a version (the binary and the extractor's
// options): a cache of another version is discarded, as is one that
// cannot be read. It is only a cache.
package doccache

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
	"github.com/docverify/docverify/extract"
	"github.com/docverify/docverify/verify"
)

// Cache is one repository's extracted docs. Its methods are safe for
// concurrent use; a nil Cache caches nothing.
type Cache struct {
	file    string
	version uint64

	mu    sync.Mutex
	docs  map[string]entry
	used  map[string]bool
	dirty bool
}

type entry struct {
	Hash uint64
	Doc  extract.Doc
}

type cacheFile struct {
	Version uint64
	Docs    map[string]entry
}

// Open loads the cache of the repository at root from dir. version must
// change whenever extraction could give another result for the same bytes.
func Open(dir, root string, version uint64) (*Cache, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	c := &Cache{file: filepath.Join(dir, fmt.Sprintf("%016x.docs.gob", xxhash.Sum64String(abs))), version: version,
		docs: map[string]entry{}, used: map[string]bool{}}
	data, err := os.ReadFile(c.file)
	if err != nil {
		return c, nil // none yet, or unreadable: start empty
	}
	var cf cacheFile
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&cf) == nil && cf.Version == version && cf.Docs != nil {
		c.docs = cf.Docs
	}
	return c, nil
}

// Get returns what extraction made of a doc with this content before.
func (c *Cache) Get(path string, src []byte) (extract.Doc, bool) {
	if c == nil {
		return extract.Doc{}, false
	}
	h := xxhash.Sum64(src)
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.docs[path]
	if !ok || e.Hash != h {
		return extract.Doc{}, false
	}
	c.used[path] = true
	return relinked(e.Doc), true
}

// relinked points each claim's suppression at the doc's own directive,
// as extraction leaves it: decoding makes a copy per pointer, and a
// suppression is matched with its directive by identity.
func relinked(d extract.Doc) extract.Doc {
	byPos := make(map[verify.Pos]*verify.Directive, len(d.Directives))
	for _, dir := range d.Directives {
		byPos[dir.Pos] = dir
	}
	claims := make([]verify.Claim, len(d.Claims))
	copy(claims, d.Claims)
	for i := range claims {
		if s := claims[i].SuppressedBy; s != nil {
			if dir, ok := byPos[s.Pos]; ok {
				claims[i].SuppressedBy = dir
			}
		}
	}
	d.Claims = claims
	return d
}

// Put remembers what extraction made of a doc.
func (c *Cache) Put(path string, src []byte, d extract.Doc) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs[path] = entry{Hash: xxhash.Sum64(src), Doc: d}
	c.used[path] = true
	c.dirty = true
}

// Save writes the cache if it changed, atomically. A run over the whole
// repository (all true) also drops the docs it did not see: deleted or
// renamed ones.
func (c *Cache) Save(all bool) error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if all {
		for p := range c.docs {
			if !c.used[p] {
				delete(c.docs, p)
				c.dirty = true
			}
		}
	}
	if !c.dirty {
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cacheFile{Version: c.version, Docs: c.docs}); err != nil {
		return fmt.Errorf("encoding the doc cache: %w", err)
	}
	if err := safefile.Replace(c.file, buf.Bytes()); err != nil {
		return fmt.Errorf("writing the doc cache: %w", err)
	}
	c.dirty = false
	return nil
}
