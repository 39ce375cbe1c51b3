package extract

import (
	"strings"
	"testing"
)

// TestPageSubject: a page is about another program when its file is named
// for it and its title says the page sets it up.
func TestPageSubject(t *testing.T) {
	for _, c := range []struct{ path, src, want string }{
		{"example_configs/authelia.md", "# Configuration for Authelia\n", "authelia"},
		{"example_configs/gogs.md", "# Gogs LDAP configuration\n", "gogs"},
		{"docs/home-assistant.md", "# Home Assistant Configuration\n", "home-assistant"},
		{"docs/parameters.md", "# Parameters\n", ""},             // a topic, not a program
		{"docs/configuration.md", "# Configuration\n", ""},       // the program's own page
		{"docs/docker.md", "# Docker configuration\n", ""},       // where the program runs
		{"docs/mealie.md", "# Mealie\n", ""},                     // no word of setting up
		{"docs/grafana.md", "# Dashboards\n\nGrafana setup", ""}, // the title must name it
	} {
		if got := pageSubject(c.path, []byte(c.src)); got != c.want {
			t.Errorf("pageSubject(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestSourceRepo: a page names its program's source repository in its
// front matter or in a header line; a link in the body is no such statement.
func TestSourceRepo(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"front matter", "---\ntitle: Go SDK\nsource_repo: \"https://github.com/acme/go-sdk\"\n---\n# Go SDK\n", "acme/go-sdk"},
		{"source and issues line", "# CLI\n\nSource and issues: [acme/acme-cli](https://github.com/acme/acme-cli).\n", "acme/acme-cli"},
		{"bold label", "**Repository:** [code](https://gitlab.com/acme/agent.git)\n", "acme/agent"},
		{"on GitHub line", "[Python SDK on GitHub](https://github.com/acme/python-sdk)\n\n## Install\n", "acme/python-sdk"},
		{"link in a sentence", "The [GitHub MCP server](https://github.com/github/github-mcp-server) documents both tools.\n", ""},
		{"source word in prose", "The source of truth is [the schema](https://github.com/acme/schema).\n", ""},
		{"front matter without a code host", "---\nrepo: https://example.com/acme\n---\n", ""},
	} {
		if got := sourceRepo([]byte(c.src)); got != c.want {
			t.Errorf("%s: sourceRepo = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestInstalledPackages: the packages a page's commands install, without
// versions, extras or options; files and paths are no packages.
func TestInstalledPackages(t *testing.T) {
	src := "```bash\npython -m pip install 'acme-python[agents]>=1.2'\npip install -r requirements.txt ./local\nnpm install -g @acme/acme-cli@latest && acme login\ngo install github.com/acme/acme-go/cmd/acme@v1\ndotnet add package Acme.AI\ncargo install --locked acme-rs\n```\nRun `yarn add left-pad` too.\n"
	got := strings.Join(installedPackages([]byte(src)), " ")
	want := "acme-python @acme/acme-cli github.com/acme/acme-go/cmd/acme Acme.AI acme-rs left-pad"
	if got != want {
		t.Errorf("installedPackages = %q, want %q", got, want)
	}
}
