package verify

import "fmt"

// Kind is the kind of mechanism a name refers to.
type Kind uint8

const (
	KindUnknown Kind = iota
	Env              // an environment variable: DATABASE_URL
	Flag             // a command-line flag: --dry-run
	Config           // a key of a configuration file: retry.max_attempts
	Feature          // a feature flag, served by a flag SDK, the environment or config
)

var kindNames = [...]string{KindUnknown: "unknown", Env: "env", Flag: "flag", Config: "config", Feature: "feature"}

var kindNouns = [...]string{
	KindUnknown: "name",
	Env:         "environment variable",
	Flag:        "command-line flag",
	Config:      "config key",
	Feature:     "feature flag",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Noun is the kind as a reader says it, for messages.
func (k Kind) Noun() string {
	if int(k) < len(kindNouns) {
		return kindNouns[k]
	}
	return "name"
}

func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown kind %q", b)
}

// Kinds lists the kinds a claim can have, in a stable order.
var Kinds = []Kind{Env, Flag, Config, Feature}

// servedBy lists which kinds of code fact can back a claim of each kind.
// A feature flag is a name the docs say switches a feature; code serves it
// from a flag SDK, from the environment, from a config key or from a
// command-line flag ("pass the `dry-run` flag") alike, so all four count. The incident behind docverify — "set the feature flag
// ENABLE_X to false" — is exactly that: a feature flag served by an env var.
var servedBy = map[Kind][]Kind{
	Env:     {Env},
	Flag:    {Flag},
	Config:  {Config},
	Feature: {Feature, Env, Config, Flag},
}

// ServedBy reports the kinds of code fact that can back a claim of kind k.
func (k Kind) ServedBy() []Kind { return servedBy[k] }
