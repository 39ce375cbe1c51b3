package shellcmd

import (
	"reflect"
	"testing"
)

// args flattens a command's arguments to their texts.
func args(c Command) []string {
	var out []string
	for _, w := range c.Args {
		out = append(out, w.Text)
	}
	return out
}

func TestScript(t *testing.T) {
	src := "# start it\nAPP_TOKEN=abc ./bin/app serve --port=8080 --dry-run \\\n  --name 'x y'\nexport LOG_LEVEL=debug\n"
	cmds := Parse(src, Auto)
	if len(cmds) != 2 {
		t.Fatalf("got %d commands, want 2: %+v", len(cmds), cmds)
	}
	if got, want := args(cmds[0]), []string{"./bin/app", "serve", "--port=8080", "--dry-run", "--name", "x y"}; !reflect.DeepEqual(got, want) {
		t.Errorf("args = %q, want %q", got, want)
	}
	if a := cmds[0].Assigns; len(a) != 1 || a[0].Name != "APP_TOKEN" || src[a[0].Offset:a[0].Offset+9] != "APP_TOKEN" {
		t.Errorf("assigns = %+v", a)
	}
	dry := cmds[0].Args[3]
	if src[dry.Offset:dry.Offset+len(dry.Text)] != "--dry-run" {
		t.Errorf("offset of --dry-run points at %q", src[dry.Offset:])
	}
	if a := cmds[1].Assigns; len(a) != 1 || a[0].Name != "LOG_LEVEL" || !a[0].Export {
		t.Errorf("export assigns = %+v", a)
	}
}

func TestConsoleDropsOutputAndPrompts(t *testing.T) {
	src := "$ app --verbose\nStarting with --not-a-flag in output\nuser@host:~/x$ app check\n"
	cmds := Parse(src, Auto)
	var all []string
	for _, c := range cmds {
		all = append(all, args(c)...)
	}
	if want := []string{"app", "--verbose", "app", "check"}; !reflect.DeepEqual(all, want) {
		t.Errorf("got %q, want %q", all, want)
	}
	if off := cmds[0].Args[1].Offset; src[off:off+9] != "--verbose" {
		t.Errorf("offset points at %q", src[off:])
	}
}

func TestAngleBracketPrompts(t *testing.T) {
	cmds := Parse("> npm install --global serve\n> serve --help\n", Auto)
	if len(cmds) != 2 || args(cmds[1])[1] != "--help" {
		t.Errorf("commands = %+v", cmds)
	}
}

func TestPlaceholdersDoNotBreakParsing(t *testing.T) {
	src := "app login --token <YOUR_TOKEN> --region <region>\n"
	cmds := Parse(src, Script)
	if len(cmds) != 1 {
		t.Fatalf("got %d commands", len(cmds))
	}
	if got := args(cmds[0]); len(got) != 6 || got[2] != "--token" || got[4] != "--region" {
		t.Errorf("args = %q", got)
	}
}

func TestBadLineLosesOnlyItself(t *testing.T) {
	src := "app --one\nif then fi (((\napp --two\n"
	var all []string
	for _, c := range Parse(src, Script) {
		all = append(all, args(c)...)
	}
	if !contains(all, "--one") || !contains(all, "--two") {
		t.Errorf("got %q", all)
	}
}

func TestQuotedOffsets(t *testing.T) {
	src := `app "--name=x" '--other'`
	cmds := Parse(src, Script)
	for _, w := range cmds[0].Args[1:] {
		if src[w.Offset:w.Offset+2] != "--" {
			t.Errorf("word %q offset points at %q", w.Text, src[w.Offset:])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestConsoleWithoutPromptsHoldsCommands(t *testing.T) {
	cmds := Parse("./node_exporter --web.config=web.yml\n", Console)
	if len(cmds) != 1 || args(cmds[0])[1] != "--web.config=web.yml" {
		t.Errorf("commands = %+v", cmds)
	}
}

func TestPromptsBetweenComments(t *testing.T) {
	// comment lines say nothing about prompts; the two prompted lines make
	// it a session, whose commands are rubocop's, not "$"'s
	src := "# Progress to stdout.\n$ rubocop --format progress\n#   ~~~~~\n#   |\n#   stdout\n\n# To a file.\n$ rubocop --output result.txt\n"
	var progs []string
	for _, c := range Parse(src, Auto) {
		progs = append(progs, args(c)[0])
	}
	if want := []string{"rubocop", "rubocop"}; !reflect.DeepEqual(progs, want) {
		t.Errorf("programs = %q, want %q", progs, want)
	}
}

func TestOhMyZshPrompt(t *testing.T) {
	for _, line := range []string{"➜  ~ kind build --kube-root x\n", "➜  app git:(main) ✗ kind build --kube-root x\n", "➜ kind build --kube-root x\n"} {
		cmds := Parse(line, Auto)
		if len(cmds) != 1 || args(cmds[0])[0] != "kind" {
			t.Errorf("%q: commands = %+v", line, cmds)
		}
	}
}
