package extract

import "testing"

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
