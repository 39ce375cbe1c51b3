package verify

import (
	"fmt"
	"sort"
	"strings"
)

// Directive is a suppression comment in a doc:
//
//	<!-- docverify-disable-next-line [NAME ...] -- reason -->
//	<!-- docverify-disable [NAME ...] -- reason --> … <!-- docverify-enable -->
//
// One without a reason is not applied: it covers no claim.
type Directive struct {
	Pos    Pos      // where the comment starts
	Names  []string // the names it is limited to; none means every claim
	Reason string
}

func (d *Directive) describe() string {
	if len(d.Names) == 0 {
		return "docverify-disable comment"
	}
	return "docverify-disable comment for " + strings.Join(d.Names, ", ")
}

// SuppressionFindings reports the suppression comments that need
// attention: those without a reason, and those that hide no finding (a
// claim they cover is judged as if they were not there).
func (ix *Index) SuppressionFindings(dirs []*Directive, results []Result) []Finding {
	used := map[*Directive]bool{}
	for _, r := range results {
		d := r.Claim.SuppressedBy
		if d == nil || used[d] {
			continue
		}
		c := r.Claim
		c.SuppressedBy = nil
		if _, ok := ix.finding(ix.judge(c)); ok {
			used[d] = true
		}
	}
	var out []Finding
	for _, d := range dirs {
		f := Finding{Pos: d.Pos}
		switch {
		case d.Reason == "":
			f.Rule = RuleSuppressionReason
			f.Message = fmt.Sprintf("this %s gives no reason, so it is not applied; say why after \"--\": <!-- docverify-disable-next-line NAME -- why -->", d.describe())
		case !used[d]:
			f.Rule = RuleUnusedSuppression
			f.Message = fmt.Sprintf("this %s hides no finding; remove it", d.describe())
		default:
			continue
		}
		f.Severity = f.Rule.Severity
		out = append(out, f)
	}
	return out
}

// Suppressed is a finding a docverify-disable comment hides, with the
// comment: code-scanning formats record it as suppressed instead of
// leaving it out, so a dashboard shows what was hidden and why.
type Suppressed struct {
	Finding
	By *Directive
}

// SuppressedFindings are the findings the applied suppressions hide (a
// comment without a reason hides nothing: its claim is reported).
func (ix *Index) SuppressedFindings(results []Result) []Suppressed {
	var out []Suppressed
	for _, r := range results {
		d := r.Claim.SuppressedBy
		if d == nil || d.Reason == "" {
			continue
		}
		c := r.Claim
		c.SuppressedBy = nil
		if f, ok := ix.finding(ix.judge(c)); ok {
			if kept := ix.Policy.Apply([]Finding{f}); len(kept) == 1 {
				out = append(out, Suppressed{Finding: kept[0], By: d})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.Before(out[j].Pos) })
	return out
}
