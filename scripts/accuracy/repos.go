package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// repos measures precision on the checkouts of docs/accuracy-repos.tsv.
func repos(checkouts string) error {
	list, err := readTSV("docs/accuracy-repos.tsv")
	if err != nil {
		return err
	}
	rows, err := readTSV("docs/accuracy-judgements.tsv")
	if err != nil {
		return err
	}
	verdict := map[string]string{}
	for _, r := range rows {
		verdict[strings.Join(r[:4], "\t")] = r[4]
	}
	tmp, err := os.MkdirTemp("", "accuracy-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin, err := buildDocverify(tmp)
	if err != nil {
		return err
	}
	var totDrift, totFP, totNew, totClaims int
	fmt.Printf("%-14s %-11s %7s %8s %6s %5s %9s\n", "repository", "round", "claims", "findings", "drift", "fp", "unjudged")
	for _, r := range list {
		name, round := r[0], r[4]
		dir := filepath.Join(checkouts, name)
		if _, err := os.Stat(dir); err != nil {
			fmt.Printf("%-14s %-11s (no checkout)\n", name, round)
			continue
		}
		doc, err := runDocverify(bin, dir, ".")
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		drift, fp, unjudged := 0, 0, 0
		for _, f := range doc.Findings {
			if f.Severity != "error" && f.Severity != "warning" {
				continue
			}
			switch verdict[strings.Join([]string{name, f.File, f.Rule, f.Name}, "\t")] {
			case "drift":
				drift++
			case "false-positive":
				fp++
			default:
				unjudged++
				fmt.Fprintf(os.Stderr, "unjudged: %s\t%s\t%s\t%s\t(line %d)\n", name, f.File, f.Rule, f.Name, f.Line)
			}
		}
		fmt.Printf("%-14s %-11s %7d %8d %6d %5d %9d\n", name, round, doc.Stats.Checked, drift+fp+unjudged, drift, fp, unjudged)
		totDrift, totFP, totNew, totClaims = totDrift+drift, totFP+fp, totNew+unjudged, totClaims+doc.Stats.Checked
	}
	fmt.Printf("%-14s %-11s %7d %8d %6d %5d %9d\n", "total", "", totClaims, totDrift+totFP+totNew, totDrift, totFP, totNew)
	if judged := totDrift + totFP; judged > 0 {
		fmt.Printf("precision of warnings and errors: %d of %d judged findings are real drift (%.0f%%)\n", totDrift, judged, 100*float64(totDrift)/float64(judged))
	}
	return nil
}
