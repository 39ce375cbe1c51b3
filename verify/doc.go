// Package verify holds docverify's vocabulary — claims made by docs, facts
// found in code, the index that joins them, and the findings that come out —
// and the rules that cross-reference claims against the index.
//
// It does no I/O and imports none of its producers (extract, langs) or
// consumers (reporters, cmd): every step of the pipeline can be tested alone,
// and this package's tests run without cgo.
package verify
