package lang

import (
	"reflect"
	"testing"
)

func TestKebab(t *testing.T) {
	for in, want := range map[string]string{
		"dry_run": "dry-run", "dryRun": "dry-run", "DryRun": "dry-run", "upstream_timeout": "upstream-timeout",
		"readOnly": "read-only", "HTTPPort": "http-port", "port": "port", "maxRetries2": "max-retries2",
	} {
		if got := Kebab(in); got != want {
			t.Errorf("Kebab(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFlagSpec(t *testing.T) {
	for in, want := range map[string][]string{
		"-d, --dry-run <x>":  {"dry-run"},
		"--shout/--no-shout": {"shout", "no-shout"},
		"--port":             {"port"},
		"-n":                 nil,
		"dry-run":            {"dry-run"},
		"--level=<n>":        {"level"},
		"the port to use":    nil,
	} {
		if got := FlagSpec(in); !reflect.DeepEqual(got, want) {
			t.Errorf("FlagSpec(%q) = %q, want %q", in, got, want)
		}
	}
}
