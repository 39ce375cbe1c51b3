package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"
	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"

	"github.com/docverify/docverify/cmd/docverify/internal/baseline"
	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/report"
)

// defaultFileTimeout is --file-timeout's default, lang.DefaultFileTimeout
// (that package needs cgo, which a build without it cannot import).
const defaultFileTimeout = 10 * time.Second

type options struct {
	// progress, when set, shows docs read and files indexed on a terminal
	progress          *progress
	format            string
	output            string
	failOn            string
	color             string
	config            string
	noCache           bool
	noHistory         bool
	cacheDir          string
	jobs              int
	fileTimeout       time.Duration
	includeChangelogs bool
	includeCopies     bool
	minSeverity       string
	quiet             bool
	verbose           bool
	baseline          string
	writeBaseline     string
	diff              string
	stdinFilename     string
	undocumented      bool
}

const checkUsage = `Usage: docverify [check] [flags] [path ...]

Checks that the environment variables, command-line flags, config keys and
feature flags documented in Markdown exist in the code.

With no path, the current directory is the repository root. A directory
argument is the root or, inside a repository, the docs under it, checked
against the whole repository's code. Markdown file arguments check only
those docs, against the code of the repository that holds them.
`

// checkFlags defines the flags of a check; completion reads them too.
func checkFlags(o *options) *pflag.FlagSet {
	fs := pflag.NewFlagSet("docverify", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(formatNames, ", "))
	fs.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of stdout")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or never")
	fs.StringVar(&o.config, "config", "", "configuration file (default: .docverify.yml at the root, if there is one)")
	fs.StringVar(&o.diff, "diff", "", "report only claims on doc lines changed since this git revision, and claims whose read site was removed since")
	fs.StringVar(&o.diff, "new-from-rev", "", "the same as --diff")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline file, and report its stale entries")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record every finding of this run in a baseline file, and exit 0")
	fs.StringVar(&o.stdinFilename, "stdin-filename", "", "read the doc at this path from standard input (an editor's unsaved buffer)")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.StringVar(&o.minSeverity, "min-severity", "", "report findings at or above this severity: error, warning or info (default warning, or --fail-on's if lower)")
	fs.BoolVar(&o.includeCopies, "include-copies", false, "check translations and old versions of docs too; they repeat other docs, so they are skipped by default")
	fs.BoolVar(&o.includeChangelogs, "include-changelogs", false, "check changelogs, release notes, migration guides and design records (ADRs, RFCs) too; they record history or proposals, so they are skipped by default")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "do not print the summary line")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "under each finding, show what was searched and the doc's line with a caret (the default on a terminal)")
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files to index in parallel")
	fs.DurationVar(&o.fileTimeout, "file-timeout", defaultFileTimeout, "the longest one source file may take to read; a file that takes longer is reported (DV2002) and left out")
	fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the cache of parsed files")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "where to keep the cache (default: the user cache directory)")
	fs.BoolVar(&o.noHistory, "no-history", false, "do not search git history for when a missing name was removed or renamed")
	fs.BoolVar(&o.undocumented, "undocumented", false, "also report the repository's own settings the code reads that no doc names (rule DV1008)")
	fs.Bool("version", false, "print the version and exit")
	fs.BoolP("help", "h", false, "print this help and exit")
	return fs
}

// formatNames are the values of --format, in the order help lists them.
var formatNames = []string{"text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"}

// reporter returns the reporter for a --format value.
func reporter(format string, color, verbose bool) (report.Reporter, bool) {
	switch format {
	case "text":
		return report.Text{Color: color, Verbose: verbose}, true
	case "json":
		return report.JSON{}, true
	case "sarif":
		return report.SARIF{Version: version}, true
	case "github":
		return report.GitHub{}, true
	case "gitlab":
		return report.GitLab{}, true
	case "junit":
		return report.JUnit{}, true
	case "checkstyle":
		return report.Checkstyle{}, true
	}
	return nil, false
}

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func checkCommand(ctx context.Context, args []string, s stdio) int {
	var o options
	fs := checkFlags(&o)
	fs.SetOutput(s.errOut)
	fs.Usage = func() {
		fmt.Fprint(s.errOut, checkUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(s.errOut, "docverify: %v%s (see docverify --help)\n", err, flagSuggestion(fs, err))
		return exitError
	}
	if help, _ := fs.GetBool("help"); help {
		fmt.Fprint(s.out, checkUsage)
		fmt.Fprintln(s.out, "\nCommands:")
		for _, c := range subcommands {
			fmt.Fprintf(s.out, "  %-11s %s\n", c.name, c.summary)
		}
		fmt.Fprint(s.out, "\nFlags:\n", fs.FlagUsages())
		return exitOK
	}
	if v, _ := fs.GetBool("version"); v {
		return versionCommand(ctx, nil, s)
	}
	failOn, minSev, err := o.validate(fs.Args())
	if err != nil {
		fmt.Fprintf(s.errOut, "docverify: %v\n", err)
		return exitError
	}
	if o.cacheDir == "" && !o.noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			o.cacheDir = filepath.Join(dir, "docverify")
		}
	}
	var stdinDoc []byte
	if o.stdinFilename != "" {
		if stdinDoc, err = io.ReadAll(io.LimitReader(s.in, maxDocSize+1)); err != nil {
			fmt.Fprintf(s.errOut, "docverify: reading standard input: %v\n", err)
			return exitError
		}
	}

	o.progress = newProgress(s.errOut, o.quiet)
	r, err := check(ctx, fs.Args(), o, stdinDoc)
	if err != nil {
		var cfgErr configError
		if errors.As(err, &cfgErr) {
			// file:line:col: message, one a line, as compilers print them
			for _, line := range strings.Split(cfgErr.Error(), "\n") {
				fmt.Fprintln(s.errOut, report.Clean(line))
			}
			fmt.Fprintln(s.errOut, "docverify: the configuration has mistakes; nothing was checked")
			return exitError
		}
		fmt.Fprintf(s.errOut, "docverify: %s\n", report.Clean(err.Error()))
		return exitError
	}

	if o.writeBaseline != "" {
		if err := writeFile(o.writeBaseline, func(w io.Writer) error { return baseline.Write(w, r.Findings) }); err != nil {
			fmt.Fprintf(s.errOut, "docverify: --write-baseline: %v\n", err)
			return exitError
		}
		fmt.Fprintf(s.errOut, "docverify: recorded %d %s in %s\n", len(r.Findings), plural(len(r.Findings), "finding", "findings"), o.writeBaseline)
		return exitOK
	}

	// the exit code weighs every finding; --min-severity only chooses
	// what is shown, so a display choice cannot open the gate
	failed := false
	shown := r.Findings[:0:0]
	for _, f := range r.Findings {
		failed = failed || failOn != 0 && f.Severity >= failOn
		if f.Severity < minSev {
			r.Hidden++
			continue
		}
		shown = append(shown, f)
	}
	r.Findings = shown

	out, closeOut, ok := openOutput(o.output, s)
	if !ok {
		return exitError
	}
	defer closeOut()
	// on a terminal, and with --verbose, each finding shows what was
	// searched and its doc line with a caret; a buffer from standard input
	// is not on disk to show
	verbose := (o.verbose || isTerminal(out)) && o.stdinFilename == ""
	rep, _ := reporter(o.format, useColor(o.color, out), verbose)
	if err := rep.Report(out, r); err != nil {
		fmt.Fprintf(s.errOut, "docverify: writing the report: %v\n", err)
		return exitError
	}
	if !o.quiet {
		for _, n := range r.Notes {
			fmt.Fprintln(s.errOut, "docverify: note: "+report.Clean(n))
		}
	}
	if !o.quiet && o.format == "text" {
		fmt.Fprintln(s.errOut, report.Summary(r))
	}
	if failed {
		return exitFindings
	}
	return exitOK
}

// validate checks the flags that need no file system, and returns the
// --fail-on severity ("never" is 0) and the --min-severity one.
func (o *options) validate(args []string) (failOn, minSev verify.Severity, err error) {
	failOn, err = o.validateFlags(args)
	if err != nil {
		return 0, 0, err
	}
	// by default, warnings and errors; info too when info fails the run
	minSev = verify.Warning
	if failOn == verify.Info {
		minSev = verify.Info
	}
	if o.minSeverity != "" {
		if minSev, err = verify.ParseSeverity(o.minSeverity); err != nil {
			return 0, 0, fmt.Errorf("unknown --min-severity %q (want error, warning or info)", o.minSeverity)
		}
	}
	return failOn, minSev, nil
}

func (o *options) validateFlags(args []string) (verify.Severity, error) {
	if _, ok := reporter(o.format, false, false); !ok {
		return 0, fmt.Errorf("unknown --format %q (want %s)", o.format, strings.Join(formatNames, ", "))
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		return 0, fmt.Errorf("unknown --color %q (want auto, always or never)", o.color)
	}
	var failOn verify.Severity
	if o.failOn != "never" {
		sev, err := verify.ParseSeverity(o.failOn)
		if err != nil {
			return 0, fmt.Errorf("unknown --fail-on %q (want error, warning, info or never)", o.failOn)
		}
		failOn = sev
	}
	switch {
	case o.stdinFilename != "" && len(args) > 0:
		return 0, errors.New("--stdin-filename checks one doc read from standard input; give no paths with it")
	case o.stdinFilename != "" && !workspace.IsDoc(o.stdinFilename):
		return 0, fmt.Errorf("--stdin-filename %s is not a Markdown file name (.md, .mdx, .markdown)", o.stdinFilename)
	case o.writeBaseline != "" && o.baseline != "":
		return 0, errors.New("--write-baseline records every finding; it cannot be used with --baseline")
	case o.writeBaseline != "" && (o.diff != "" || o.stdinFilename != ""):
		return 0, errors.New("--write-baseline records the findings of the whole repository; it cannot be used with --diff or --stdin-filename")
	}
	if o.jobs <= 0 {
		o.jobs = runtime.GOMAXPROCS(0)
	}
	return failOn, nil
}

// openOutput is where a report goes: --output's file, never through a
// link (safefile), or standard output. It reports a file it cannot open.
func openOutput(path string, s stdio) (io.Writer, func(), bool) {
	if path == "" {
		return s.out, func() {}, true
	}
	f, err := safefile.Create(path)
	if err != nil {
		fmt.Fprintf(s.errOut, "docverify: --output: %v\n", unwrapPathError(err))
		return nil, nil, false
	}
	return f, func() { f.Close() }, true
}

// writeFile writes a file through fn, replacing it only when fn succeeds.
func writeFile(name string, fn func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return unwrapPathError(err)
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// flagSuggestion is ", did you mean --X?" for an unknown flag one or two
// edits from a defined one, "" otherwise.
func flagSuggestion(fs *pflag.FlagSet, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	best, bestD := "", 3
	fs.VisitAll(func(f *pflag.Flag) {
		if d := levenshtein.ComputeDistance(name, f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	})
	if best == "" {
		return ""
	}
	return "; did you mean --" + best + "?"
}

// useColor follows --color, NO_COLOR (https://no-color.org) and whether
// the output is a terminal.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" { // present and not empty, as no-color.org says
		return false
	}
	return isTerminal(w)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
