package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/docverify/docverify/verify"
)

// GitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request. Every property and message is
// escaped by the rules of the Actions toolkit, so no text from the scanned
// repository can end a command early or start another.
type GitHub struct{}

func (GitHub) Report(w io.Writer, r *Run) error {
	for _, f := range r.Findings {
		cmd := "notice"
		switch f.Severity {
		case verify.Error:
			cmd = "error"
		case verify.Warning:
			cmd = "warning"
		}
		props := []string{"file=" + escapeProperty(f.Pos.File)}
		if f.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Pos.Line))
		}
		if f.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", f.Pos.Col))
		}
		props = append(props, "title="+escapeProperty(f.Rule.ID+" "+f.Rule.Slug))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(f.Message)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData escapes a workflow command's message: %, CR and LF by the
// runner's rules (so a line break shows as one in the annotation), then
// any other control character as a visible escape, as in the text format.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return Clean(strings.ReplaceAll(s, "\n", "%0A"))
}

// escapeProperty escapes a workflow command's property value: also : and ,.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}
