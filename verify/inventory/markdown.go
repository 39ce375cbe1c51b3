package inventory

import (
	"fmt"
	"io"
	"strings"

	"github.com/docverify/docverify/verify"
)

// collapseOver is the number of rows above which a list is folded into a
// <details> block, so a PR comment or job summary stays readable.
const collapseOver = 20

// Markdown writes the inventory as GitHub-flavoured Markdown, for release
// notes, PR comments and $GITHUB_STEP_SUMMARY.
func Markdown(w io.Writer, inv Inventory) error {
	var b strings.Builder
	b.WriteString("# Documented mechanisms: inventory\n\n")
	b.WriteString("| Kind | Documented | Verified | Missing | Unwired | Run-time | Read by the code | Of those, documented |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range inv.Coverage {
		fmt.Fprintf(&b, "| %s | %d | %d (%d%%) | %d | %d | %d | %d | %d (%d%%) |\n", c.Kind.Noun(), c.Claimed, c.Verified, Percent(c.Verified, c.Claimed),
			c.Missing, c.Unwired, c.Dynamic, c.Read, c.ReadDocumented, Percent(c.ReadDocumented, c.Read))
	}

	if len(inv.ByDirectory) > 1 {
		b.WriteString("\n| Top-level directory | Documented | Verified | Read by the code | Of those, documented |\n|---|---|---|---|---|\n")
		for _, d := range inv.ByDirectory {
			fmt.Fprintf(&b, "| %s | %d | %d (%d%%) | %d | %d (%d%%) |\n", code(d.Dir), d.Claimed, d.Verified, Percent(d.Verified, d.Claimed),
				d.Read, d.ReadDocumented, Percent(d.ReadDocumented, d.Read))
		}
	}

	if inv.Since != nil {
		since(&b, *inv.Since)
	}

	b.WriteString("\n## Safety mechanisms\n\n")
	if len(inv.Safety) == 0 {
		b.WriteString("The docs present no name as a safety mechanism.\n")
	} else {
		entries(&b, inv.Safety, true)
	}

	var missing []Entry
	for _, e := range inv.Documented {
		if e.Status == verify.Missing {
			missing = append(missing, e)
		}
	}
	b.WriteString("\n## Documented but not in the code\n\n")
	if len(missing) == 0 {
		b.WriteString("Every name the docs claim as this repository's is in the code.\n")
	} else {
		collapse(&b, len(missing), func() {
			b.WriteString("| Name | Kind | Doc | Whose | History |\n|---|---|---|---|---|\n")
			for _, e := range missing {
				history := e.History
				if history == "" {
					history = "not searched"
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", code(e.Name), e.Kind, cell(e.Doc.String()), cell(strings.Join(e.Ownership, "; ")), cell(history))
			}
		})
	}

	b.WriteString("\n## Documented → implemented\n\n")
	for _, k := range kinds(inv) {
		var es []Entry
		for _, e := range inv.Documented {
			if e.Kind == k {
				es = append(es, e)
			}
		}
		if len(es) == 0 {
			continue
		}
		fmt.Fprintf(&b, "<details><summary>%s: %d documented</summary>\n\n", titleNoun(k), len(es))
		entries(&b, es, false)
		b.WriteString("\n</details>\n\n")
	}

	b.WriteString("## Implemented → documented\n\n")
	var own, other []Undocumented
	for _, u := range inv.Undocumented {
		if u.Own {
			own = append(own, u)
		} else {
			other = append(other, u)
		}
	}
	if len(own) == 0 {
		b.WriteString("Every knob of the repository's that the code reads is named in a doc.\n")
	} else {
		fmt.Fprintf(&b, "%d of the repository's knobs that the code reads are in no doc.\n\n", len(own))
		collapse(&b, len(own), func() { undocumented(&b, own) })
	}
	if len(other) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%d other env vars the code reads, without the repository's prefix (often other programs')</summary>\n\n", len(other))
		undocumented(&b, other)
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func undocumented(b *strings.Builder, us []Undocumented) {
	b.WriteString("| Kind | Name | Read at | Sites |\n|---|---|---|---|\n")
	for _, u := range us {
		fmt.Fprintf(b, "| %s | %s | %s | %d |\n", u.Kind, code(u.Name), cell(u.At.String()+" ("+u.Via+")"), u.Sites)
	}
}

func entries(b *strings.Builder, es []Entry, safety bool) {
	if safety {
		b.WriteString("| Name | Kind | Status | Presented as | Doc | Code |\n|---|---|---|---|---|---|\n")
	} else {
		b.WriteString("| Name | Kind | Status | Doc | Code |\n|---|---|---|---|---|\n")
	}
	for _, e := range es {
		codeCell := e.Where()
		if safety {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", code(e.Name), e.Kind, statusCell(e.Status), cell(e.Safety), cell(e.Doc.String()), cell(codeCell))
		} else {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", code(e.Name), e.Kind, statusCell(e.Status), cell(e.Doc.String()), cell(codeCell))
		}
	}
}

// collapse wraps a long list in <details>.
func collapse(b *strings.Builder, n int, body func()) {
	if n <= collapseOver {
		body()
		return
	}
	fmt.Fprintf(b, "<details><summary>%d rows</summary>\n\n", n)
	body()
	b.WriteString("\n</details>\n")
}

func statusCell(s verify.Status) string {
	if s == verify.Missing {
		return "**missing**"
	}
	return s.String()
}

// code puts a name in a code span that its own backticks cannot end:
// the fence is longer than the longest run of backticks in it. Inside a
// span nothing is markup, so only what ends the cell or row is escaped.
func code(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest == 0 {
		return "`" + s + "`"
	}
	fence := strings.Repeat("`", longest+1)
	return fence + " " + s + " " + fence
}

// cell makes text safe in a table cell: no pipe ends the cell, no line
// break ends the row, no HTML is interpreted.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// kinds are the kinds the docs name, in their order, whether or not any
// name of the kind is this repository's.
func kinds(inv Inventory) []verify.Kind {
	var out []verify.Kind
	for _, k := range []verify.Kind{verify.Env, verify.Flag, verify.Config, verify.Feature} {
		for _, e := range inv.Documented {
			if e.Kind == k {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

func titleNoun(k verify.Kind) string {
	n := k.Noun()
	return strings.ToUpper(n[:1]) + n[1:] + "s"
}

// since writes what changed since the earlier revision, the knobs whose
// read site is gone while a doc still names them first.
func since(b *strings.Builder, ch Changes) {
	fmt.Fprintf(b, "\n## Since %s\n\n", cell(ch.Ref))
	fmt.Fprintf(b, "%s\n\n", ch.Summary())
	if len(ch.StillDocumented) == 0 {
		b.WriteString("No knob the code stopped reading is still in the docs.\n")
	} else {
		fmt.Fprintf(b, "**%d %s the code no longer reads, still in the docs:**\n\n", len(ch.StillDocumented), plural(len(ch.StillDocumented), "knob", "knobs"))
		b.WriteString("| Name | Kind | Was read at | Still documented at |\n|---|---|---|---|\n")
		for _, s := range ch.StillDocumented {
			var at []string
			for _, p := range s.Docs {
				at = append(at, p.String())
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", code(s.Name), s.Kind, cell(s.At.String()+" ("+s.Via+")"), cell(strings.Join(at, ", ")))
		}
	}
	lists := []struct {
		title string
		n     int
		body  func()
	}{
		{"Claims added", len(ch.ClaimsAdded), func() { entries(b, ch.ClaimsAdded, false) }},
		{"Claims removed", len(ch.ClaimsRemoved), func() { entries(b, ch.ClaimsRemoved, false) }},
		{"Claims whose status changed", len(ch.StatusChanged), func() {
			b.WriteString("| Name | Kind | Was | Now | Doc |\n|---|---|---|---|---|\n")
			for _, c := range ch.StatusChanged {
				fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", code(c.Name), c.Kind, c.Was, statusCell(c.Status), cell(c.Doc.String()))
			}
		}},
		{"Read sites added", len(ch.ReadsAdded), func() { reads(b, ch.ReadsAdded) }},
		{"Read sites removed", len(ch.ReadsRemoved), func() { reads(b, ch.ReadsRemoved) }},
	}
	for _, l := range lists {
		if l.n == 0 {
			continue
		}
		fmt.Fprintf(b, "\n<details><summary>%s: %d</summary>\n\n", l.title, l.n)
		l.body()
		b.WriteString("\n</details>\n")
	}
}

func reads(b *strings.Builder, rs []Read) {
	b.WriteString("| Name | Kind | Read at |\n|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(b, "| %s | %s | %s |\n", code(r.Name), r.Kind, cell(r.At.String()+" ("+r.Via+")"))
	}
}
