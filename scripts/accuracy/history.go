package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// historyCase is a row of docs/accuracy-history.tsv.
type historyCase struct {
	repo, fix, parent, doc, name string
}

// history measures recall on the doc fixes of docs/accuracy-history.tsv.
func history(mirrors, cases string) error {
	rows, err := readTSV(cases)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "accuracy-history-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin, err := buildDocverify(tmp)
	if err != nil {
		return err
	}
	var reported, info, missed, stillAfter int
	for i, r := range rows {
		if len(r) < 6 {
			return fmt.Errorf("%s: short row %q", cases, r)
		}
		c := historyCase{repo: r[0], fix: r[1], parent: r[2], doc: r[3], name: r[5]}
		gitDir := filepath.Join(mirrors, c.repo, "repo")
		// each checkout is named after its repository, as a user's clone is
		// (the root's name is the program a root main package builds, and
		// the image a Dockerfile makes)
		name := c.repo[strings.LastIndexAny(c.repo, "+/")+1:]
		before, err := severityAt(bin, gitDir, c.parent, c, filepath.Join(tmp, fmt.Sprintf("%d-parent", i), name))
		if err != nil {
			return err
		}
		after, err := severityAt(bin, gitDir, c.fix, c, filepath.Join(tmp, fmt.Sprintf("%d-fix", i), name))
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
		len(rows), reported, info, missed, stillAfter)
	fmt.Printf("recall on real history: %d of %d (%.0f%%)\n", reported, len(rows), 100*float64(reported)/float64(len(rows)))
	return nil
}

// severityAt takes commit out into dir, runs docverify on the case's doc,
// and returns the severity of its finding about the case's name, "" if
// none.
func severityAt(bin, gitDir, commit string, c historyCase, dir string) (string, error) {
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil { // a root for docverify to find
		return "", err
	}
	// read-tree and checkout-index take out every file, where git archive
	// would leave out those a .gitattributes marks export-ignore
	// (composer's CHANGELOG.md, tests).
	index := filepath.Join(dir, ".git", "index")
	for _, args := range [][]string{
		{"read-tree", commit},
		{"checkout-index", "--all", "--prefix=" + dir + "/"},
	} {
		cmd := exec.Command("git", append([]string{"--git-dir=" + gitDir, "--work-tree=" + dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_INDEX_FILE="+index)
		if out, err := cmd.CombinedOutput(); err != nil {
			if args[0] == "checkout-index" && strings.Contains(string(out), "unable to read sha1 file") {
				// a snapshot without its largest blobs: the other files are there
				fmt.Fprintf(os.Stderr, "%s %s: some files are missing from the snapshot\n", c.repo, commit)
				continue
			}
			return "", fmt.Errorf("%s %s: git %s: %v: %s", c.repo, commit, args[0], err, out)
		}
	}
	if err := os.Remove(index); err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, c.doc)); err != nil {
		return "", nil // the fix removed the doc
	}
	doc, err := runDocverify(bin, dir, c.doc)
	if err != nil {
		return "", fmt.Errorf("%s %s: docverify: %v", c.repo, commit, err)
	}
	best := ""
	rank := map[string]int{"": 0, "info": 1, "warning": 2, "error": 3}
	for _, f := range doc.Findings {
		if f.File == c.doc && sameName(f.Name, c.name) && rank[f.Severity] > rank[best] {
			best = f.Severity
		}
	}
	return best, nil
}

// sameName matches docverify's name for a finding with the name a case
// quotes from the doc: a traitlets setting the doc writes on the config
// object, c.JupyterHub.log_file, docverify names JupyterHub.log_file; a
// key the doc writes under its TOML table or YAML parent,
// monorepo_respect_gitignore under [task_config], docverify names by its
// path, task_config.monorepo_respect_gitignore; a field the doc sets on a
// config builder, config.tls_domains in wezterm's Lua, docverify names by
// the field, tls_domains; a section whose keys docverify reports, the
// map attribute_map whose entry model.attribute_map.person it names; and
func sameName(finding, quoted string) bool {
	// a bare name the doc wrote (testSquencer) that docverify judged as a
	// misspelt flag is named with its dashes (--testSquencer)
	// a Go or Java flag the doc writes with one dash (-no-node-verify)
	// docverify may name with two
	return finding == quoted || strings.TrimPrefix(quoted, "c.") == finding || strings.TrimPrefix(quoted, "config.") == finding ||
		strings.HasSuffix(finding, "."+quoted) || strings.TrimLeft(finding, "-") == strings.TrimLeft(quoted, "-") ||
		strings.Contains(finding, "."+quoted+".") || strings.HasPrefix(finding, quoted+".")
}
