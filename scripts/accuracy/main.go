// Command accuracy measures docverify on real repositories.
//
//	go run ./scripts/accuracy CHECKOUTS_DIR
//	go run ./scripts/accuracy history MIRRORS [CASES.tsv]
//
// The first runs docverify on each checkout listed in
// docs/accuracy-repos.tsv, matches every warning and error against the
// hand judgements in docs/accuracy-judgements.tsv, and prints
// per-repository and total figures. Findings nobody has judged are listed
// and counted apart, never as right.
//
// The second measures recall on real history: for each commit in
// docs/accuracy-history.tsv that fixed a doc naming something the code did
// not have, it runs docverify on the doc at the parent commit (which must
// report the wrong name) and at the fix (which must not). MIRRORS holds a
// git directory of each repository at MIRRORS/OWNER+NAME/repo; this
// command, not docverify, runs git to take the commits out.
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

// finding and report are the parts of docverify's JSON output used here.
type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Name     string `json:"name"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

type report struct {
	Findings []finding `json:"findings"`
	Stats    struct {
		Checked int `json:"checked"`
	} `json:"stats"`
}

func main() {
	var err error
	switch {
	case len(os.Args) == 2:
		err = repos(os.Args[1])
	case len(os.Args) == 3 && os.Args[1] == "history":
		err = history(os.Args[2], "docs/accuracy-history.tsv")
	case len(os.Args) == 4 && os.Args[1] == "history":
		err = history(os.Args[2], os.Args[3]) // another set of cases, such as a held-out one
	default:
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/accuracy CHECKOUTS_DIR\n       go run ./scripts/accuracy history MIRRORS [CASES.tsv]")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(2)
	}
}

// readTSV reads a data file's rows, without comments and header.
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

// buildDocverify builds the command into tmp, unless DOCVERIFY_BIN names
// a binary to measure instead (another revision, built apart).
func buildDocverify(tmp string) (string, error) {
	if bin := os.Getenv("DOCVERIFY_BIN"); bin != "" {
		return bin, nil
	}
	bin := filepath.Join(tmp, "docverify")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/docverify").CombinedOutput(); err != nil {
		return "", fmt.Errorf("building docverify: %v\n%s", err, out)
	}
	return bin, nil
}

// runDocverify runs docverify in dir on target, uncached, and reads its
// JSON report.
func runDocverify(bin, dir, target string) (report, error) {
	cmd := exec.Command(bin, "--no-cache", "--no-history", "--fail-on", "never", "--min-severity", "info", "--format", "json", target)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	var r report
	if err := cmd.Run(); err != nil {
		if strings.Contains(errOut.String(), "no source files under") {
			// a snapshot with its code missing: nothing to check, and
			// docverify says so rather than reporting every name
			fmt.Fprintf(os.Stderr, "%s: no source files in this snapshot; not checked\n", dir)
			return r, nil
		}
		return r, fmt.Errorf("%v: %s", err, strings.TrimSpace(errOut.String()))
	}
	err := json.Unmarshal(out.Bytes(), &r)
	return r, err
}
