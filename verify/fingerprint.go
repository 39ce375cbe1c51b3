package verify

import (
	"crypto/sha256"
	"encoding/hex"
)

// Fingerprint identifies a finding across edits: its rule, the doc it is
// in and the name it is about, never its line, so that a baseline or a
// code-scanning dashboard keeps recognising it when lines shift. Two
// findings of the same name in one doc share it, as they should: fixing
// one usually fixes both.
func (f Finding) Fingerprint() string {
	h := sha256.Sum256([]byte(f.Rule.ID + "\x00" + f.Pos.File + "\x00" + f.Kind.String() + "\x00" + f.Name))
	return hex.EncodeToString(h[:12])
}
