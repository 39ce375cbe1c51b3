package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/spf13/pflag"

	"github.com/docverify/docverify/cmd/docverify/internal/config"
	"github.com/docverify/docverify/verify"
)

// commandFlags parses the flags of a small subcommand; ok is false when
// the command is done (help was printed, or a usage error reported).
func commandFlags(name, usage string, args []string, s stdio, define func(*pflag.FlagSet)) (fs *pflag.FlagSet, code int, ok bool) {
	fs = pflag.NewFlagSet("docverify "+name, pflag.ContinueOnError)
	fs.SetOutput(s.errOut)
	help := fs.BoolP("help", "h", false, "print this help and exit")
	if define != nil {
		define(fs)
	}
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(s.errOut, "docverify %s: %v (see docverify %s --help)\n", name, err, name)
		return fs, exitError, false
	}
	if *help {
		fmt.Fprintf(s.out, "Usage: docverify %s\n\n", usage)
		if f := fs.FlagUsages(); f != "" {
			fmt.Fprint(s.out, "Flags:\n", f)
		}
		return fs, exitOK, false
	}
	return fs, 0, true
}

func versionCommand(_ context.Context, args []string, s stdio) int {
	if _, code, ok := commandFlags("version", "version", args, s, nil); !ok {
		return code
	}
	fmt.Fprintln(s.out, "docverify", version)
	// the build, for bug reports: the commit, the toolchain and the
	// languages this binary can read
	commit := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, st := range bi.Settings {
			if st.Key == "vcs.revision" && len(st.Value) >= 12 {
				commit = st.Value[:12]
			}
		}
	}
	fmt.Fprintf(s.out, "commit %s, %s, %s/%s\n", commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(s.out, "languages: %s\n", strings.Join(languageNames(), ", "))
	return exitOK
}

func rulesCommand(_ context.Context, args []string, s stdio) int {
	var format string
	fs, code, ok := commandFlags("rules", "rules [--format text|json]\n\nLists every rule with its default severity.", args, s, func(fs *pflag.FlagSet) {
		fs.StringVarP(&format, "format", "f", "text", "text or json")
	})
	if !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.errOut, "docverify rules: unexpected argument %q\n", fs.Arg(0))
		return exitError
	}
	switch format {
	case "text":
		for _, r := range verify.Rules {
			sev := r.Severity.String()
			if r.OffByDefault {
				sev = "off"
			}
			fmt.Fprintf(s.out, "%s  %-27s %-8s %s\n", r.ID, r.Slug, sev, r.Summary)
		}
	case "json":
		type rule struct {
			ID       string `json:"id"`
			Slug     string `json:"slug"`
			Severity string `json:"severity"` // the severity it has when it runs
			// OffByDefault marks a rule that runs only when asked
			OffByDefault bool   `json:"off_by_default,omitempty"`
			Summary      string `json:"summary"`
			Doc          string `json:"doc"`
		}
		var out []rule
		for _, r := range verify.Rules {
			out = append(out, rule{r.ID, r.Slug, r.Severity.String(), r.OffByDefault, r.Summary, r.Doc})
		}
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(out)
	default:
		fmt.Fprintf(s.errOut, "docverify rules: unknown --format %q (want text or json)\n", format)
		return exitError
	}
	return exitOK
}

func explainCommand(_ context.Context, args []string, s stdio) int {
	fs, code, ok := commandFlags("explain", "explain RULE\n\nExplains a rule, by ID (DV1001) or name (missing-safety-mechanism).", args, s, nil)
	if !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(s.errOut, "docverify explain: name one rule, by ID or name (docverify rules lists them)")
		return exitError
	}
	id := fs.Arg(0)
	r := verify.RuleByID(strings.ToUpper(id))
	if r == nil {
		r = verify.RuleByID(strings.ToLower(id))
	}
	if r == nil {
		msg := fmt.Sprintf("docverify explain: no rule %q", id)
		if near := nearestRule(id); near != "" {
			msg += fmt.Sprintf("; did you mean %s?", near)
		}
		fmt.Fprintln(s.errOut, msg+" (docverify rules lists them)")
		return exitError
	}
	fmt.Fprintf(s.out, "%s %s (default severity: %s)\n\n%s\n\n%s\n", r.ID, r.Slug, defaultSeverity(r), r.Summary, wrap(r.Help(), 78))
	return exitOK
}

// defaultSeverity is a rule's severity as listed: "off" for one that runs
// only when asked, with the severity it then has.
func defaultSeverity(r *verify.Rule) string {
	if r.OffByDefault {
		return "off (" + r.Severity.String() + " when on)"
	}
	return r.Severity.String()
}

func nearestRule(id string) string {
	best, bestD := "", 3
	for _, r := range verify.Rules {
		for _, n := range []string{r.ID, r.Slug} {
			if d := levenshtein.ComputeDistance(strings.ToLower(id), strings.ToLower(n)); d < bestD {
				best, bestD = n, d
			}
		}
	}
	return best
}

// wrap folds each paragraph of text at width columns.
func wrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		var lines []string
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len(line)+1+len(w) > width {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(out, "\n\n")
}

func initCommand(_ context.Context, args []string, s stdio) int {
	var force bool
	fs, code, ok := commandFlags("init", "init [--force] [dir]\n\nWrites a commented "+config.Names[0]+" to the repository root (default: the current directory).", args, s, func(fs *pflag.FlagSet) {
		fs.BoolVar(&force, "force", false, "overwrite an existing configuration file")
	})
	if !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(s.errOut, "docverify init: give at most one directory")
		return exitError
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(s.errOut, "docverify init: %s is not a directory\n", dir)
		return exitError
	}
	if existing := config.Find(dir); existing != "" && !force {
		fmt.Fprintf(s.errOut, "docverify init: %s exists; use --force to overwrite it\n", existing)
		return exitError
	}
	file := filepath.Join(dir, config.Names[0])
	if err := os.WriteFile(file, config.Starter, 0o644); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Fprintf(s.errOut, "docverify init: %s: %v\n", file, err)
		return exitError
	}
	fmt.Fprintf(s.errOut, "docverify: wrote %s\n", file)
	return exitOK
}
