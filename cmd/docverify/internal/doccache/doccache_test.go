package doccache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/docverify/docverify/extract"
	"github.com/docverify/docverify/verify"
)

func TestCache(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	src := []byte("Set `APP_MODE`.\n")
	doc := extract.Doc{Claims: []verify.Claim{{Kind: verify.Env, Name: "APP_MODE"}}}
	c, err := Open(dir, root, 1)
	if err != nil {
		t.Fatal(err)
	}
	c.Put("docs/a.md", src, doc)
	c.Put("docs/gone.md", src, doc)
	if err := c.Save(false); err != nil {
		t.Fatal(err)
	}
	c, _ = Open(dir, root, 1)
	if got, ok := c.Get("docs/a.md", src); !ok || len(got.Claims) != 1 || got.Claims[0].Name != "APP_MODE" {
		t.Errorf("the same doc: %v, %v", got, ok)
	}
	if _, ok := c.Get("docs/a.md", []byte("Set `APP_MODE` now.\n")); ok {
		t.Error("an edited doc was served from the cache")
	}
	// a run over every doc drops the ones it did not see
	if err := c.Save(true); err != nil {
		t.Fatal(err)
	}
	c, _ = Open(dir, root, 1)
	if _, ok := c.Get("docs/gone.md", src); ok {
		t.Error("a doc no run sees any more was kept")
	}
	if _, ok := c.Get("docs/a.md", src); !ok {
		t.Error("a doc the whole run saw was dropped")
	}
	if c, _ := Open(dir, root, 2); len(c.docs) != 0 {
		t.Error("a cache of another version was used")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.docs.gob"))
	if len(matches) != 1 {
		t.Fatalf("cache files: %v", matches)
	}
	if err := os.WriteFile(matches[0], []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Open(dir, root, 1); err != nil || len(c.docs) != 0 {
		t.Errorf("a corrupt cache: %d docs, %v", len(c.docs), err)
	}
	var none *Cache
	if _, ok := none.Get("docs/a.md", src); ok {
		t.Error("a nil cache served a doc")
	}
	none.Put("docs/a.md", src, doc)
	if err := none.Save(true); err != nil {
		t.Error(err)
	}
}
