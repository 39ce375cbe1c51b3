package verify

import (
	"strings"
	"testing"
)

// The cases are ardanlabs/conf's own rules for splitting a field name:
// an upper-case run keeps its last letter for the word after it, and
// digits are a word of their own.
func TestIdentWords(t *testing.T) {
	for in, want := range map[string]string{
		"Port":         "Port",
		"APIKeyPepper": "API Key Pepper",
		"Dns64Nets":    "Dns 64 Nets",
		"OTELHeaders":  "OTEL Headers",
		"TLSCert":      "TLS Cert",
		"MaxUploadMB":  "Max Upload MB",
		"X":            "X",
		"IPv6":         "I Pv 6",
	} {
		if got := strings.Join(identWords(in), " "); got != want {
			t.Errorf("identWords(%q) = %q, want %q", in, got, want)
		}
	}
}
