package verify

import (
	"fmt"
	"strings"
)

// Rule is one kind of finding. IDs are stable: they never change meaning,
// and a retired rule's ID is never reused. DV1xxx rules judge claims;
// DV2xxx rules report files docverify could not read.
type Rule struct {
	ID       string
	Slug     string
	Severity Severity // the default; configuration may change it
	// OffByDefault marks a rule that runs only when the configuration
	// gives it a severity (or a flag turns it on): a requirement some
	// teams adopt, not a mistake in every repository.
	OffByDefault bool
	Summary      string // one line, for lists and SARIF shortDescription
	Doc          string // one paragraph, for --explain and SARIF fullDescription
}

var (
	RuleMissingSafety = &Rule{
		ID: "DV1001", Slug: "missing-safety-mechanism", Severity: Error,
		Summary: "A documented safety mechanism does not exist in the code.",
		Doc: "The docs present this name as a way to make the system safe — a kill switch, a way to disable " +
			"something, a dry run, a read-only, safe or maintenance mode, a rate limit, timeout, retry or " +
			"circuit-breaker setting, a verification or authentication toggle — but no code reads it, " +
			"mentions it, or can build it at run time. Someone will reach for it during an incident and find " +
			"nothing. Build the mechanism, or change the docs to name the one that exists.",
	}
	RuleMissing = &Rule{
		ID: "DV1002", Slug: "missing-name", Severity: Warning,
		Summary: "A documented name does not exist in the code.",
		Doc: "The docs say an environment variable, command-line flag, config key or feature flag exists, " +
			"but it appears nowhere in the repository's code, config or build files, and no run-time name " +
			"building (an env prefix over config keys, a flag exposed as an env var) explains it. The name " +
			"was probably renamed, removed or never built. The finding names the closest real name when one is close.",
	}
	RuleUnwired = &Rule{
		ID: "DV1003", Slug: "unwired-name", Severity: Info,
		Summary: "A documented name appears in the repository but nothing reads it.",
		Doc: "The name is mentioned — a string or identifier in code that does not read it, a test, a key " +
			"in a shipped config or deploy file, a file in a language docverify does not index — but no read " +
			"site, flag definition, config binding or feature-flag call was found. It may be read by an " +
			"idiom docverify does not know, or be documented and shipped in config without being wired up.",
	}
	RuleDynamic = &Rule{
		ID: "DV1004", Slug: "dynamic-name", Severity: Info,
		Summary: "A documented name could only come from a name built at run time.",
		Doc: "No read site has this name, but the code reads names it builds at run time (a prefix plus a " +
			"computed part) in a way that could produce it. docverify cannot decide, so it says so instead of " +
			"guessing; the finding points at the code that builds names.",
	}
	RuleUnconfirmed = &Rule{
		ID: "DV1005", Slug: "unconfirmed-name", Severity: Info,
		Summary: "A name that looks like a setting appears nowhere, but the docs do not say what it is.",
		Doc: "The name has the shape of an environment variable, flag or config key, but its context does not " +
			"say it is one (it could be an enum value, an error code or a constant of another system), and it " +
			"appears nowhere in the repository. Say what it is in the text (\"the X environment variable\", " +
			"X=1) to have it checked strictly.",
	}
	RuleForeign = &Rule{
		ID: "DV1006", Slug: "foreign-name", Severity: Info,
		Summary: "A documented env var appears nowhere and does not look like this repository's.",
		Doc: "The environment variable appears nowhere in the repository, but it also lacks the prefix that the " +
			"variables the code reads share (GUM_ for gum, POETRY_ for poetry): it is more likely a variable of the " +
			"reader's own, in an example, than one the docs promise. docverify cannot decide, so it says so at a low " +
			"level. A name its sentence or section presents as a safety mechanism is never judged this way: a missing kill switch stays an error.",
	}
	RuleUnowned = &Rule{
		ID: "DV1007", Slug: "unowned-name", Severity: Info,
		Summary: "A documented name appears nowhere, and nothing shows it is this repository's.",
		Doc: "The docs name an environment variable, flag, config key or feature flag that appears nowhere in the " +
			"repository, but nothing says the name is this repository's own: it lacks the prefix the code's variables " +
			"share, is not passed to a program of the repository, is not one slip from a name the code has, and the " +
			"other names of its list, table or snippet are unknown to the code too (or its sentence names another " +
			"program). Such names are most often another tool's config, a plugin's options documented here, or the " +
			"reader's own choices. docverify cannot decide, so it says so at a low level; the message lists the evidence " +
			"it weighed.",
	}
	RuleUndocumented = &Rule{
		ID: "DV1008", Slug: "undocumented-name", Severity: Warning, OffByDefault: true,
		Summary: "The code reads a setting of its own that no doc names.",
		Doc: "The code reads this environment variable (with the repository's own prefix), flag, config key or " +
			"feature flag, but no Markdown doc names it: a user cannot know it exists, and an on-call engineer " +
			"cannot find it. The finding is at the read site. Off unless the configuration gives the rule a " +
			"severity (rules: {DV1008: warning}) or --undocumented is passed; names the docs need not cover can " +
			"be recorded in a baseline. Config keys count when the code reads them by name (viper.GetString(\"a.b\")) " +
			"or a config structure defines them (a tagged field, a JSON Schema property), as a dotted path from the " +
			"top structure that stops at a map of the user's keys.",
	}
	RuleUnreadableDoc = &Rule{
		ID: "DV2001", Slug: "unreadable-doc", Severity: Error,
		Summary: "A documentation file could not be read.",
		Doc: "docverify could not read or decode this documentation file, so its claims were not checked. " +
			"The message says why; the rest of the run goes on. It is an error so that a doc nobody checked " +
			"(a NUL byte, a size past the cap, a link, a crash of docverify's) fails the gate instead of " +
			"passing it unread; exclude a file that is not documentation in the config.",
	}
	RuleUnreadableSnippet = &Rule{
		ID: "DV2003", Slug: "unreadable-snippet", Severity: Info,
		Summary: "A config snippet in a doc could not be parsed.",
		Doc: "A YAML, TOML, JSON, INI or properties snippet in the docs has a syntax error, so its keys were " +
			"not checked. Snippets that elide parts (\"...\") often do; fix the snippet or mark it with another " +
			"info string to have it skipped.",
	}
	RuleUnreadableSource = &Rule{
		ID: "DV2002", Slug: "unreadable-source", Severity: Info,
		Summary: "A source file could not be read or indexed.",
		Doc: "docverify could not read or parse this source file, so names it reads are unknown to the index. " +
			"Claims it would have verified may be reported as missing. The message says why.",
	}
)

// DV3xxx rules report on docverify's own inputs: suppression comments and
// the baseline.
var (
	RuleUnusedSuppression = &Rule{
		ID: "DV3001", Slug: "unused-suppression", Severity: Warning,
		Summary: "A suppression comment hides no finding.",
		Doc: "A docverify-disable comment covers no claim that would produce a finding: the names it lists " +
			"are verified now, were never claims, or are spelt differently. A stale suppression would hide the " +
			"next real problem on that line; remove it.",
	}
	RuleSuppressionReason = &Rule{
		ID: "DV3002", Slug: "suppression-without-reason", Severity: Warning,
		Summary: "A suppression comment gives no reason, so it suppresses nothing.",
		Doc: "Every docverify-disable comment must say why, after \"--\": " +
			"<!-- docverify-disable-next-line FEED_TOKEN -- set by the platform team's sidecar -->. " +
			"Without a reason it is not applied, so the findings it meant to hide are still reported; the " +
			"reason is what a later reader needs to decide whether the suppression still holds.",
	}
	RuleStaleBaseline = &Rule{
		ID: "DV3003", Slug: "stale-baseline-entry", Severity: Info,
		Summary: "A baseline entry matches no finding any more.",
		Doc: "The baseline file lists a finding that this run did not produce: it was fixed, or its doc or " +
			"name changed. Rewrite the baseline with --write-baseline to drop it, so that the same problem " +
			"coming back is reported.",
	}
)

// Rules lists every rule, in ID order.
var Rules = []*Rule{RuleMissingSafety, RuleMissing, RuleUnwired, RuleDynamic, RuleUnconfirmed, RuleForeign, RuleUnowned,
	RuleUndocumented, RuleUnreadableDoc, RuleUnreadableSource, RuleUnreadableSnippet, RuleUnusedSuppression, RuleSuppressionReason, RuleStaleBaseline}

// RuleByID finds a rule by its ID or slug.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id || r.Slug == id {
			return r
		}
	}
	return nil
}

// Help is what to do about a finding of the rule: its doc, and how to
// accept one finding or change the rule.
func (r *Rule) Help() string {
	h := r.Doc
	switch {
	case r.OffByDefault:
		// its findings are at read sites in code, where no doc comment goes
		h += "\n\nTo accept one finding, record it in a baseline (--write-baseline)."
		return h + fmt.Sprintf("\n\nTo turn the rule on, set it under rules: in .docverify.yml (%s: error, warning or info).", r.ID)
	case strings.HasPrefix(r.ID, "DV1"):
		h += "\n\nTo accept one finding, put <!-- docverify-disable-next-line NAME -- reason --> on the line before it."
	}
	return h + fmt.Sprintf("\n\nTo change the rule's severity or turn it off, set it under rules: in .docverify.yml (%s: warning, info or off).", r.ID)
}
