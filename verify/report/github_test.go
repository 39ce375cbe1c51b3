package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/docverify/docverify/verify"
)

func TestGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := (GitHub{}).Report(&b, sampleRun()); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=docs/a.md,line=3,col=5,title=DV1002 missing-name::environment variable FEED_X is documented but does not exist in the code\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

// Names, messages and paths come from the scanned repository. Whatever
// they hold, each finding stays one workflow command, its properties stay
// the ones we wrote, and nothing else becomes a command.
func TestGitHubCannotBeInjected(t *testing.T) {
	hostile := []string{
		"A\n::set-env name=PATH::/tmp/evil",
		"A\r::add-mask::x",
		"A%0A::stop-commands::tok",
		"a,line=1,title=x",
		"a:b::c",
		"A\x1b[31mred",
		"A\u2028B",
	}
	for _, h := range hostile {
		r := sampleRun()
		r.Findings[0].Pos.File = "docs/" + h + ".md"
		r.Findings[0].Name = h
		r.Findings[0].Message = "claimed " + h + " here"
		var b bytes.Buffer
		if err := (GitHub{}).Report(&b, r); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") || strings.ContainsAny(out[:len(out)-1], "\r\n\x1b\u2028") {
			t.Errorf("%q: output is not one clean line: %q", h, out)
			continue
		}
		line := strings.TrimSuffix(out, "\n")
		if !strings.HasPrefix(line, "::warning ") {
			t.Errorf("%q: command changed: %q", h, line)
		}
		// The properties part ends at the first "::"; it must hold
		// exactly the four properties we wrote.
		props, msg, ok := strings.Cut(strings.TrimPrefix(line, "::warning "), "::")
		if !ok {
			t.Fatalf("%q: no message separator: %q", h, line)
		}
		var keys []string
		for _, p := range strings.Split(props, ",") {
			k, _, _ := strings.Cut(p, "=")
			keys = append(keys, k)
		}
		if strings.Join(keys, ",") != "file,line,col,title" {
			t.Errorf("%q: properties are %v", h, keys)
		}
		if unescape(msg) != strings.ReplaceAll(strings.ReplaceAll(Clean(r.Findings[0].Message), "\\u000a", "\n"), "\\u000d", "\r") {
			t.Errorf("%q: message does not round-trip: %q", h, msg)
		}
	}
}

// unescape reverses the runner's escaping of a message.
func unescape(s string) string {
	return strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",").Replace(s)
}

func TestGitHubSeverities(t *testing.T) {
	r := sampleRun()
	for sev, cmd := range map[verify.Severity]string{verify.Error: "::error ", verify.Warning: "::warning ", verify.Info: "::notice "} {
		r.Findings[0].Severity = sev
		var b bytes.Buffer
		if err := (GitHub{}).Report(&b, r); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), cmd) {
			t.Errorf("%s: got %q", sev, b.String())
		}
	}
}
