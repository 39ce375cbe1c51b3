package buildid

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// hashFresh runs Hash as a new process would.
func hashFresh(dir string) uint64 {
	once, sum = sync.Once{}, 0
	return Hash(dir)
}

func TestHashIsRememberedByIdentity(t *testing.T) {
	dir := t.TempDir()
	read := hashFresh("")
	if read == 0 {
		t.Skip("the test binary cannot be read")
	}
	if got := hashFresh(dir); got != read {
		t.Fatalf("with a cache directory: %x, want %x", got, read)
	}
	memo := filepath.Join(dir, "binary-id")
	b, err := os.ReadFile(memo)
	if _, known := identityOfExe(t); known && (err != nil || !strings.Contains(string(b), "\n")) {
		t.Fatalf("no memo written: %q, %v", b, err)
	}
	if got := hashFresh(dir); got != read {
		t.Errorf("from the memo: %x, want %x", got, read)
	}
	// the memo of this very binary is taken without reading the binary
	if id, known := identityOfExe(t); known {
		exe, _ := os.Executable()
		if err := os.WriteFile(memo, []byte(exe+" "+id+"\n0000000000000abc\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := hashFresh(dir); got != 0xabc {
			t.Errorf("the binary was read again despite its memo: %x", got)
		}
	}
	// a memo of another binary (another identity) is not believed
	if err := os.WriteFile(memo, []byte("/elsewhere 1 2 3 4 5\n00000000000000ff\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := hashFresh(dir); got != read {
		t.Errorf("with another binary's memo: %x, want %x", got, read)
	}
	if err := os.WriteFile(memo, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := hashFresh(dir); got != read {
		t.Errorf("with a corrupt memo: %x, want %x", got, read)
	}
}

func identityOfExe(t *testing.T) (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	return identity(info)
}
