// Command accuracy measures docverify on real repositories: it runs
// docverify on each checkout listed in docs/accuracy-repos.tsv, matches
// every warning and error against the hand judgements in
// docs/accuracy-judgements.tsv, and prints per-repository and total
// figures. Findings nobody has judged are listed and counted apart, never
// as right.
//
//	go run ./scripts/accuracy CHECKOUTS_DIR
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Name     string `json:"name"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/accuracy CHECKOUTS_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(2)
	}
}

func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

func run(checkouts string) error {
	repos, err := readTSV("docs/accuracy-repos.tsv")
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
	bin := filepath.Join(tmp, "docverify")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/docverify").CombinedOutput(); err != nil {
		return fmt.Errorf("building docverify: %v\n%s", err, out)
	}
	var totDrift, totFP, totNew, totClaims int
	fmt.Printf("%-14s %-11s %7s %8s %6s %5s %9s\n", "repository", "round", "claims", "findings", "drift", "fp", "unjudged")
	for _, r := range repos {
		name, round := r[0], r[4]
		dir := filepath.Join(checkouts, name)
		if _, err := os.Stat(dir); err != nil {
			fmt.Printf("%-14s %-11s (no checkout)\n", name, round)
			continue
		}
		cmd := exec.Command(bin, "--no-cache", "--fail-on", "never", "--format", "json", ".")
		cmd.Dir = dir
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		var doc struct {
			Findings []finding `json:"findings"`
			Stats    struct {
				Checked int `json:"checked"`
			} `json:"stats"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
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
