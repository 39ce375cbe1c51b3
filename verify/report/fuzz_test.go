package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFormats writes a finding whose file, name, message and suggestion
// come from the scanned repository, in every format: whatever they hold,
// JSON, SARIF and GitLab Code Quality stay JSON, JUnit and Checkstyle stay XML, the text and
// GitHub formats keep one finding to a line (so a workflow command can
// start only where docverify starts one), valid UTF-8, with no terminal
// escape, bidirectional override or invisible character.
func FuzzFormats(f *testing.F) {
	for _, seed := range [][4]string{
		{"docs/a.md", "FEED_X", "environment variable FEED_X is documented but does not exist", "FEED_Y"},
		{"::error::x.md", "FEED\n::set-env name=X::1", "a\r\nb\x1b]8;;http://x\x07c%0A::warning::d", "]]><!--"},
		{"d\u202eoc.md", "\u200b\x9b31m", "<x a=\"&\">\x00</x>", "\"\\\t"},
		{"\xff\xfe.md", "--flag", strings.Repeat("é", 300), ""},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, file, name, message, suggestion string) {
		r := sampleRun()
		r.Findings[0].Pos.File = file
		r.Findings[0].Name = name
		r.Findings[0].Message = message
		r.Findings[0].Suggestion = suggestion
		r.Results[0].Claim.Name, r.Results[0].Claim.Pos.File = name, file

		out := func(rep interface {
			Report(io.Writer, *Run) error
		}) string {
			var b bytes.Buffer
			if err := rep.Report(&b, r); err != nil {
				t.Fatalf("%T: %v", rep, err)
			}
			return b.String()
		}
		for _, rep := range []interface {
			Report(io.Writer, *Run) error
		}{JSON{}, SARIF{}, GitLab{}} {
			if s := out(rep); !json.Valid([]byte(s)) {
				t.Fatalf("%T wrote invalid JSON: %q", rep, s)
			}
		}
		for _, rep := range []interface {
			Report(io.Writer, *Run) error
		}{JUnit{}, Checkstyle{}} {
			d := xml.NewDecoder(strings.NewReader(out(rep)))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%T wrote invalid XML: %v", rep, err)
				}
			}
		}
		for _, rep := range []interface {
			Report(io.Writer, *Run) error
		}{Text{}, GitHub{}} {
			s := out(rep)
			if strings.Count(s, "\n") != 1 || strings.ContainsAny(s, "\r\x1b\u009b\u202e\u200b") {
				t.Fatalf("%T: a line break or control character got through: %q", rep, s)
			}
			if !utf8.ValidString(s) {
				t.Fatalf("%T wrote invalid UTF-8: %q", rep, s)
			}
			if _, isText := rep.(Text); isText && strings.HasPrefix(s, "::") {
				t.Fatalf("the text format starts a workflow command: %q", s)
			}
		}
	})
}
