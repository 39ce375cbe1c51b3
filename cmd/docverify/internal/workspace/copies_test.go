package workspace

import (
	"slices"
	"testing"
)

func TestCopies(t *testing.T) {
	docs := []string{
		"README.md", "README-ko.md", "README.zh-CN.md", "README_ja.md",
		"docs/config.md", "docs/ja-JP/config.md", "docs/pt_BR/config.md",
		"site/en/guide.md", "site/fr/guide.md",
		"docs/v1/cli.md", "docs/v2/cli.md", "docs/1.x/api.md", "docs/api.md",
		"website/versioned_docs/version-2.3/options.md", "docs/legacy/GettingStarted-v1.md", "docs/GettingStarted.md",
		// near misses: a locale-like name with no original, a lone version,
		// a directory that is not a locale, an English original
		"docs/README-ja.md", "docs/README-kokr.md", "docs/README-zhtw.md",
		"docs/ko/only-korean.md", "api/v3/README.md", "docs/go/install.md", "docs/install.md",
		"docs/guide-test.md", "docs/guide.md",
		"site/en/other.md", "CONTRIBUTING-guide.md", "CONTRIBUTING.md",
		"docs/step-2.md", "docs/step.md", // a bare number is no version
	}
	_, copies := Copies(docs)
	want := []string{"README-ko.md", "README.zh-CN.md", "README_ja.md", "docs/ja-JP/config.md", "docs/pt_BR/config.md",
		"site/fr/guide.md", "docs/v1/cli.md", "docs/1.x/api.md", "website/versioned_docs/version-2.3/options.md",
		"docs/README-ja.md", "docs/README-kokr.md", "docs/README-zhtw.md", "docs/legacy/GettingStarted-v1.md"}
	slices.Sort(copies)
	slices.Sort(want)
	if !slices.Equal(copies, want) {
		t.Errorf("copies = %q\nwant %q", copies, want)
	}
}

func TestMigrationGuidesAreHistory(t *testing.T) {
	for p, want := range map[string]bool{
		"MIGRATING.md": true, "docs/migration-guide.md": true, "docs/migrating-to-0.45.0/README.md": true,
		"UPGRADING.md": true, "docs/migrations.md": true, "docs/configuration.md": false,
		"5.0-Upgrade.md": true, "docs/Ent-2.0-Upgrade.md": true, "UPGRADE.md": true, "Ent-Changes.md": true,
		"k9s/change_logs/release_v0.9.0.md": true, "docs/UpgradeGuide.md": true, "docs/upgrade-notes.md": true,
		// a page about an upgrade command
		"docs/commands/upgrade-packages.md": false,
		// design records: what was proposed, built or not
		"docs/adr/0005-go-edition.md": true, "rfcs/0042-flags.md": true, "docs/proposals/cache.md": true,
		"Library/Homebrew/plans/relocatable-bottles.md": true, "docs/design/colours.md": false, "docs/architecture.md": false,
		"docs/proposals-done/202301-sharding.md": true, "docs/proposals-accepted/x.md": true, "docs/rfc_archive/y.md": true,
		"docs/proposalsmith/z.md": false, "docs/adrenaline/z.md": false,
		// a release's notes named for it, and news files
		"notes/coredns-1.5.1.md": true, "notes/coredns-005.md": true, "docs/v2.3.0.md": true, "docs/content/2012-news.md": true,
		"docs/NEWS-2.x.md": true, "docs/newsletter.md": false, "docs/http2.md": false, "docs/notes/caching.md": false, "docs/oauth2.md": false,
	} {
		if got := IsChangelog(p); got != want {
			t.Errorf("IsChangelog(%q) = %v, want %v", p, got, want)
		}
	}
}
