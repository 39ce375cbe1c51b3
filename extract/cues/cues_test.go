package cues

import "testing"

func TestSafetyFindsWhatTheBriefLists(t *testing.T) {
	m := MustMatcher(Safety)
	cases := map[string]string{
		"To disable Dynamic Content Prioritization, set the flag to false.": "disable",
		"Flip the kill switch during an outage.":                            "kill switch",
		"Run with a dry-run first.":                                         "dry run",
		"Put the service in read-only mode.":                                "read-only",
		"Requests are rate limited per tenant.":                             "rate limit",
		"The upstream timeout in seconds.":                                  "timeout",
		"Open the circuit breaker after five failures.":                     "circuit breaker",
		"Skip TLS verification (never in production).":                      "verification",
		"Turns off the cache.":                                              "switch off",
		"Blocks requests from unknown hosts.":                               "block",
		"Roll back the deployment.":                                         "rollback",
	}
	for text, want := range cases {
		got, ok := m.Find(text)
		if !ok {
			t.Errorf("%q: no safety cue, want %q", text, want)
			continue
		}
		if got.Label != want {
			// a text may hold more than one cue; the wanted one must be among them
			found := false
			for _, x := range m.FindAll(text) {
				found = found || x.Label == want
			}
			if !found {
				t.Errorf("%q: got %q, want %q", text, got.Label, want)
			}
		}
	}
}

func TestSafetyIgnoresOrdinaryText(t *testing.T) {
	m := MustMatcher(Safety)
	for _, text := range []string{
		"The port the server listens on.",
		"Copy this code block into your shell.",
		"The feature blocks of the configuration set flags per unit.",
		"Sets the log level.",
		"Verify that the server started.",
		"The author of the post.",
	} {
		if got, ok := m.Find(text); ok {
			t.Errorf("%q: unexpected safety cue %q", text, got.Label)
		}
	}
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string]string{
		"KILL_SWITCH":                           "kill switch",
		"--dry-run":                             "dry run",
		"readOnly":                              "read only",
		"retry.max_attempts":                    "retry max attempts",
		"ENABLE_DYNAMIC_CONTENT_PRIORITIZATION": "enable dynamic content prioritization",
	} {
		if got := NameWords(in); got != want {
			t.Errorf("NameWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVocabulariesCompile(t *testing.T) {
	for _, v := range [][]Cue{Safety, Historical, Successor, Predecessor, {EnvCue, FeatureCue, FlagCue, ConfigCue, ConfigKeyCue, SetCue}} {
		if _, err := NewMatcher(v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEveryVocabularyHasAnchors(t *testing.T) {
	// Without anchors every text runs the full expression: keep patterns
	// starting with a literal so the prefilter stays on.
	for name, v := range map[string][]Cue{"Safety": Safety, "Historical": Historical, "Successor": Successor, "Predecessor": Predecessor} {
		if m := MustMatcher(v); m.anchors == nil {
			t.Errorf("%s has a cue that does not start with a literal", name)
		}
	}
}
