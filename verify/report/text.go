package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/docverify/docverify/verify"
)

// Text writes one finding a line, "path:line:col: severity: message [rule]",
// the form editors' problem matchers and errorformats read.
type Text struct {
	Color bool
}

func (t Text) Report(w io.Writer, r *Run) error {
	paint := func(c *color.Color, s string) string {
		if !t.Color {
			return s
		}
		c.EnableColor()
		return c.Sprint(s)
	}
	sev := map[verify.Severity]*color.Color{
		verify.Error:   color.New(color.FgRed, color.Bold),
		verify.Warning: color.New(color.FgYellow, color.Bold),
		verify.Info:    color.New(color.FgCyan),
	}
	bold, dim := color.New(color.Bold), color.New(color.Faint)
	for _, f := range r.Findings {
		loc := Clean(f.Pos.String())
		if strings.HasPrefix(loc, ":") {
			loc = "./" + loc // a line starting with "::" would be a CI workflow command
		}
		_, err := fmt.Fprintf(w, "%s: %s: %s %s\n", paint(bold, loc), paint(sev[f.Severity], f.Severity.String()), Clean(f.Message), paint(dim, "["+f.Rule.ID+"]"))
		if err != nil {
			return err
		}
	}
	return nil
}
