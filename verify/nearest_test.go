package verify

import "testing"

func TestSimilarityDecidesSuggestions(t *testing.T) {
	suggest := [][2]string{
		{"SHARED_SECRET_ROTATION", "SHARED_SECRET_ROTATION_DAYS"},
		{"ENABLE_DYNAMIC_CONTENT_PRIORITIZATION", "ENABLE_CONTENT_PRIORITIZATION"},
		{"ORDERS_DB_ULR", "ORDERS_DB_URL"},
		{"FEED_TIMEOUT", "FEED_TIMEOUT_MS"},
		{"dry-run", "dryrun"},
		{"retry.backoff", "retry.back_off"},
		{"maxRetries", "max_retries"},
		{"NEXT_PUBLIC_API_ULR", "NEXT_PUBLIC_API_URL"},
		{"INGEST_RETRY_MAX_ATTEMPTS", "INGEST_RETRY__MAX_ATTEMPTS"},
		{"batchsize", "batch-size"},
	}
	for _, p := range suggest {
		if s, ok := similarity(p[0], p[1]); !ok {
			t.Errorf("similarity(%s, %s) = %.2f, want a suggestion", p[0], p[1], s)
		}
	}
	dont := [][2]string{
		{"ORDERS_READ_ONLY", "ORDERS_REGION"},
		{"LOG_LEVEL", "LOG_FORMAT"},
		{"DATABASE_URL", "CACHE_URL"},
		{"PORT", "HOST"},
		{"--verbose", "--version"},
		{"db.port", "db.host"},
		{"RATE_LIMIT_BURST", "RATE_LIMIT_RPS"},
	}
	for _, p := range dont {
		if s, ok := similarity(p[0], p[1]); ok {
			t.Errorf("similarity(%s, %s) = %.2f, want no suggestion", p[0], p[1], s)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{"maxRetryCount": "max retry count", "MAX_RETRY_COUNT": "max retry count", "max-retry.count": "max retry count", "HTTPPort": "httpport"} {
		got := ""
		for i, w := range words(in) {
			if i > 0 {
				got += " "
			}
			got += w
		}
		if got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCloseNameKeepsItsStyle: a word more, or the words reordered, is a
// slip within one spelling style only; a typo is a typo in any.
func TestCloseNameKeepsItsStyle(t *testing.T) {
	for _, c := range []struct {
		claimed, real string
		want          bool
	}{
		{"SECRET_SESSION", "SESSION_SECRET", true},
		{"PROXEUS_INFURA_KEY", "PROXEUS_INFURA_API_KEY", true},
		{"PENPOT_LDAP_HOST", "ldap_host", false},
		{"session_secret", "SECRET_SESSION", false},
		{"ldap_hst", "ldap_host", true},
		{"LDAP_HST", "ldap_host", true},
	} {
		if got := closeName(c.claimed, c.real); got != c.want {
			t.Errorf("closeName(%q, %q) = %v, want %v", c.claimed, c.real, got, c.want)
		}
	}
}
