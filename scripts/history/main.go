// Command history measures docverify's recall on real history: for each
// commit in docs/accuracy-history.tsv that fixed a doc naming something
// the code did not have, it runs docverify on the doc at the parent commit
// (which must report the wrong name) and at the fix (which must not).
// MIRRORS holds a git directory of each repository at MIRRORS/OWNER+NAME/repo;
// this script, not docverify, runs git to take the commits out.
//
//	go run ./scripts/history MIRRORS
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

type historyCase struct {
	repo, fix, parent, doc, line, name, kind string
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/history MIRRORS")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "history:", err)
		os.Exit(2)
	}
}

func run(mirrors string) error {
	cases, err := readCases("docs/accuracy-history.tsv")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "docverify-history-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "docverify")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/docverify").CombinedOutput(); err != nil {
		return fmt.Errorf("building docverify: %v\n%s", err, out)
	}
	var reported, info, missed, stillAfter int
	for i, c := range cases {
		gitDir := filepath.Join(mirrors, c.repo, "repo")
		before, err := check(bin, gitDir, c.parent, c, filepath.Join(tmp, fmt.Sprintf("%d-parent", i)))
		if err != nil {
			return err
		}
		after, err := check(bin, gitDir, c.fix, c, filepath.Join(tmp, fmt.Sprintf("%d-fix", i)))
		if err != nil {
			return err
		}
		verdict := "missed"
		switch {
		case before == "warning" || before == "error":
			verdict, reported = "reported", reported+1
		case before != "":
			verdict, info = "info only", info+1
		default:
			missed++
		}
		note := ""
		if after != "" {
			stillAfter++
			note = " (still reported after the fix: " + after + ")"
		}
		fmt.Printf("%-10s %-26s %-60s %s%s\n", verdict, c.repo, c.doc+" "+c.name, before, note)
	}
	fmt.Printf("\n%d cases: %d reported as a warning or error at the parent, %d only at info, %d missed; %d still reported after the fix\n",
		len(cases), reported, info, missed, stillAfter)
	fmt.Printf("recall on real history: %d of %d (%.0f%%)\n", reported, len(cases), 100*float64(reported)/float64(len(cases)))
	return nil
}

// check takes commit out into dir, runs docverify on the case's doc, and
// returns the severity of its finding about the case's name, "" if none.
func check(bin, gitDir, commit string, c historyCase, dir string) (string, error) {
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil { // a root for docverify to find
		return "", err
	}
	archive := exec.Command("git", "--git-dir="+gitDir, "archive", commit)
	tar := exec.Command("tar", "-x", "-C", dir)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return "", err
	}
	tar.Stdin = pipe
	if err := tar.Start(); err != nil {
		return "", err
	}
	if err := archive.Run(); err != nil {
		return "", fmt.Errorf("%s %s: git archive: %v", c.repo, commit, err)
	}
	if err := tar.Wait(); err != nil {
		return "", fmt.Errorf("%s %s: tar: %v", c.repo, commit, err)
	}
	if _, err := os.Stat(filepath.Join(dir, c.doc)); err != nil {
		return "", nil // the fix removed the doc
	}
	cmd := exec.Command(bin, "-f", "json", "--fail-on", "never", "--no-cache", c.doc)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: docverify: %v", c.repo, commit, err)
	}
	var doc struct {
		Findings []finding `json:"findings"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return "", err
	}
	best := ""
	rank := map[string]int{"": 0, "info": 1, "warning": 2, "error": 3}
	for _, f := range doc.Findings {
		if f.File == c.doc && f.Name == c.name && rank[f.Severity] > rank[best] {
			best = f.Severity
		}
	}
	return best, nil
}

func readCases(path string) ([]historyCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []historyCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s: short line %q", path, line)
		}
		out = append(out, historyCase{repo: f[0], fix: f[1], parent: f[2], doc: f[3], line: f[4], name: f[5], kind: f[6]})
	}
	return out, sc.Err()
}
