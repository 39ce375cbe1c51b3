package known

import (
	"strings"
	"testing"
)

func TestEnv(t *testing.T) {
	for name, want := range map[string]string{
		"PATH": "the operating system or shell", "GITHUB_SHA": "GitHub Actions", "CGO_ENABLED": "the Go toolchain",
		"AWS_REGION": "the AWS SDKs and CLI", "OPENAI_API_KEY": "the AI model providers' SDKs", "LC_ALL": "the operating system or shell", "NODE_ENV": "the Node.js toolchain",
		"MESA_GL_VERSION_OVERRIDE": "the graphics drivers and loaders (Mesa, libglvnd, Vulkan)", "PWDEBUG": "the browser test runners (Playwright, Puppeteer)",
	} {
		if got, ok := Env(name); !ok || got != want {
			t.Errorf("Env(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"DATABASE_URL", "APP_PATH", "MY_GITHUB_TOKEN", "FEED_TIMEOUT", "MESATRON_MODE"} {
		if owner, ok := Env(name); ok {
			t.Errorf("Env(%q) = %q, want not known", name, owner)
		}
	}
}

func TestProgram(t *testing.T) {
	for _, name := range []string{"docker", "kubectl", "git", "npm", "helm"} {
		if _, ok := Program(name); !ok {
			t.Errorf("Program(%q) not known", name)
		}
	}
	if _, ok := Program("feedctl"); ok {
		t.Error("Program(feedctl) known")
	}
	if !ReadsItsCommandLineEnv("cosign") || ReadsItsCommandLineEnv("npm") || ReadsItsCommandLineEnv("feedctl") {
		t.Error("ReadsItsCommandLineEnv: want cosign's variables its own, npm's passed on, an unknown program's unknown")
	}
	if !Wrapper("gradlew") || Wrapper("gradle") {
		t.Errorf("Wrapper(gradlew) = %v, Wrapper(gradle) = %v; want true, false", Wrapper("gradlew"), Wrapper("gradle"))
	}
}

func TestParse(t *testing.T) {
	ps := parse("# comment\n== owner one\nA B*\n\n== owner two\nC\n")
	if len(ps) != 3 || ps[0].owner != "owner one" || !ps[1].prefix || ps[1].text != "B" || ps[2].owner != "owner two" {
		t.Errorf("parse = %+v", ps)
	}
}

func TestConfigFileOwnerIn(t *testing.T) {
	for text, want := range map[string]string{
		"Update your `coc-settings.json` for languages":                    "coc.nvim",
		"Add this to .eslintrc.json:":                                      "eslint",
		"In tsconfig.build.json, set":                                      "TypeScript",
		"Put this in .vscode/settings.json":                                "Visual Studio Code",
		"Add this to your config.yaml:":                                    "",
		"yaml [.github/workflows/azure-static-web-apps-<RANDOM_NAME>.yml]": "GitHub Actions",
		"a workflows/deploy.yml of your own":                               "",
		"change Docker's `daemon.json` file":                               "Docker",
		"Edit package.json:":                                               "",
	} {
		if got := ConfigFileOwnerIn(text); got != want {
			t.Errorf("ConfigFileOwnerIn(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestConfigKeyPatterns: a * segment stands for a name the user picks.
func TestConfigKeyPatterns(t *testing.T) {
	for key, want := range map[string]bool{
		"steps.my_action.outputs":        true,
		"steps.build.outputs.digest":     true,
		"matrix.os":                      false, // too common a section to be GitHub's alone
		"matrix":                         false,
		"steps.my_action":                false,
		"steps.my_action.outputs.a.b.c":  true, // a final * is one segment or more
		"github.event.pull_request.head": true,
		"core.quotepath":                 true,
	} {
		if _, got := ConfigKey(key); got != want {
			t.Errorf("ConfigKey(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestFamilySlip: a name with the prefix of a family listed in full that
// is one slip from a member is that member misspelt, and nobody's own.
func TestFamilySlip(t *testing.T) {
	close := func(a, b string) bool {
		return strings.Count(b, "_")-strings.Count(a, "_") == 1 && strings.HasSuffix(b, a[strings.LastIndexByte(a, '_'):])
	}
	if m, _, ok := FamilySlip("XDG_HOME", close); !ok || m != "XDG_CONFIG_HOME" && m != "XDG_DATA_HOME" && m != "XDG_STATE_HOME" && m != "XDG_CACHE_HOME" && m != "XDG_BIN_HOME" {
		t.Errorf("XDG_HOME: %q %v, want a *_HOME member", m, ok)
	}
	if _, _, ok := FamilySlip("XDG_CONFIG_HOME", close); ok {
		t.Error("a member is no slip")
	}
	if _, ok := Env("XDG_CONFIG_HOME"); !ok {
		t.Error("XDG_CONFIG_HOME is the operating system's")
	}
	if _, _, ok := FamilySlip("MYAPP_HOME", close); ok {
		t.Error("a prefix outside every complete family is no slip")
	}
}

func TestTypedSectionsAreTheirProgramsOwn(t *testing.T) {
	// supervisord's [program:web]: the type is supervisord's, the name the user's
	for key, want := range map[string]string{
		"program:gunicorn.autostart": "supervisord", "fcgi-program:php.socket": "supervisord",
		"program.autostart": "", "feed:mode": "", "server.listen": "",
	} {
		if got := ConfigSegmentOwner(key); got != want {
			t.Errorf("ConfigSegmentOwner(%q) = %q, want %q", key, got, want)
		}
	}
	if got := SnippetOwner([]string{"program:web", "command"}); got != "supervisord" {
		t.Errorf("SnippetOwner of a [program:web] snippet = %q", got)
	}
}

// TestProgramNamedIn: a program is named by its word, not by a part of
// a variable's name.
func TestProgramNamedIn(t *testing.T) {
	for text, want := range map[string]bool{
		"run gogs web to start":                               true,
		"pass them with docker run -e gogs_database_password": false,
		"gogs_ and GOGS are not gogs's":                       true,
		"start (gogs) first":                                  true,
	} {
		if got := ProgramNamedIn(text, "gogs"); got != want {
			t.Errorf("ProgramNamedIn(%q, gogs) = %v, want %v", text, got, want)
		}
	}
}
