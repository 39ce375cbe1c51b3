//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	if err := os.WriteFile(secret, []byte("root:x:0:0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, ".docverify.yml")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	if src, err := Read(link, 1<<20); !errors.Is(err, ErrLink) {
		t.Errorf("Read(link) = %q, %v; want ErrLink", src, err)
	}
	fifo := filepath.Join(dir, "x.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := Read(fifo, 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Read(fifo): %v, want ErrNotRegular", err)
	}
	if _, err := Read(dir, 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Read(dir): %v, want ErrNotRegular", err)
	}
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(big, 99); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read(big, 99): %v, want ErrTooLarge", err)
	}
	if src, err := Read(big, 100); err != nil || len(src) != 100 {
		t.Errorf("Read(big, 100) = %d bytes, %v", len(src), err)
	}
}

func TestALinkOnTheWayIsRefused(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if _, err := Read("out/secret.md", 1<<20); !errors.Is(err, ErrLinkOnTheWay) {
		t.Errorf("Read(out/secret.md): %v, want ErrLinkOnTheWay", err)
	}
	if f, err := Create("out/report.sarif"); !errors.Is(err, ErrLinkOnTheWay) {
		if f != nil {
			f.Close()
		}
		t.Errorf("Create(out/report.sarif): %v, want ErrLinkOnTheWay", err)
	}
	if _, err := os.Lstat(filepath.Join(outside, "report.sarif")); !errors.Is(err, os.ErrNotExist) {
		t.Error("the report was written through the link")
	}
}

func TestCreateRefusesALink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	link := filepath.Join(dir, "docverify.sarif")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if f, err := Create(link); !errors.Is(err, ErrLink) {
		if f != nil {
			f.Close()
		}
		t.Errorf("Create(link): %v, want ErrLink", err)
	}
	if _, err := os.Lstat(outside); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
	f, err := Create(filepath.Join(dir, "report.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	info, err := os.Stat(filepath.Join(dir, "report.sarif"))
	if err != nil || info.Mode().Perm()&0o022 != 0 {
		t.Errorf("report mode %v, %v: want no group or other write", info.Mode(), err)
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cache.gob")
	for _, body := range []string{"first", "second, longer"} {
		if err := Replace(p, []byte(body)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(p); err != nil || string(got) != body {
			t.Fatalf("after Replace(%q): %q, %v", body, got, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := Replace(filepath.Join(dir, "missing", "x"), []byte("x")); err == nil {
		t.Error("a write into a missing directory succeeded")
	}
}
