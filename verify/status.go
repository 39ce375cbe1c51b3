package verify

import "fmt"

// Status is the verdict on one claim.
type Status uint8

const (
	StatusUnknown Status = iota
	// Verified: the code reads the name (a read site, a flag definition,
	// a config key binding, a feature-flag SDK call).
	Verified
	// Unwired: the name appears in the repository, but nowhere that reads it.
	Unwired
	// Missing: the name appears nowhere and no run-time name building
	// explains it.
	Missing
	// Dynamic: no read site has the name, but the code builds names at run
	// time in a way that could produce it, so docverify cannot decide.
	Dynamic
	// External: the name belongs to another program (docker's --rm, PATH,
	// GITHUB_SHA), so it says nothing about this repository.
	External
	// Ignored: the claim was suppressed, or the docs say it no longer exists.
	Ignored
)

var statusNames = [...]string{StatusUnknown: "unknown", Verified: "verified", Unwired: "unwired", Missing: "missing", Dynamic: "dynamic", External: "external", Ignored: "ignored"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("unknown status %q", b)
}
