package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"

	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/extract"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/report"
)

// Exit codes, the same for every output format.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, configuration, I/O or internal error
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

type options struct {
	format            string
	output            string
	failOn            string
	color             string
	noCache           bool
	cacheDir          string
	jobs              int
	includeChangelogs bool
	quiet             bool
}

// indexStats and fileProblem describe the code side of a run without
// depending on the tree-sitter packages, which need cgo.
type indexStats struct {
	sourceFiles, parsed, cached int
	byLang, unindexed           map[string]int
}

type fileProblem struct{ path, message string }

const usage = `Usage: docverify [flags] [path ...]

Checks that the environment variables, command-line flags, config keys and
feature flags documented in Markdown exist in the code.

With no path, the current directory is the repository root. A directory
argument is the root; Markdown file arguments check only those docs, against
the code of the repository that holds them.

Flags:
`

// run is the whole command, callable in-process by tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := pflag.NewFlagSet("docverify", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(formatNames, ", "))
	fs.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of stdout")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or never")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the cache of parsed files")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "where to keep the cache (default: the user cache directory)")
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files to index in parallel")
	fs.BoolVar(&o.includeChangelogs, "include-changelogs", false, "check changelogs and release notes too; they record history, so they are skipped by default")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "do not print the summary line")
	showVersion := fs.Bool("version", false, "print the version and exit")
	showHelp := fs.BoolP("help", "h", false, "print this help and exit")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "docverify: %v (see docverify --help)\n", err)
		return exitError
	}
	if *showHelp {
		fs.Usage()
		return exitOK
	}
	if *showVersion {
		fmt.Fprintln(stdout, "docverify", version)
		return exitOK
	}
	if _, ok := reporter(o.format, false); !ok {
		fmt.Fprintf(stderr, "docverify: unknown --format %q (want %s)\n", o.format, strings.Join(formatNames, ", "))
		return exitError
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		fmt.Fprintf(stderr, "docverify: unknown --color %q (want auto, always or never)\n", o.color)
		return exitError
	}
	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "docverify: --output: %v\n", unwrapPathError(err))
			return exitError
		}
		defer f.Close()
		out = f
	}
	rep, _ := reporter(o.format, useColor(o.color, out))
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		fmt.Fprintf(stderr, "docverify: %v\n", err)
		return exitError
	}
	if o.cacheDir == "" && !o.noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			o.cacheDir = filepath.Join(dir, "docverify")
		}
	}

	r, err := check(ctx, fs.Args(), o)
	if err != nil {
		fmt.Fprintf(stderr, "docverify: %v\n", err)
		return exitError
	}
	if err := rep.Report(out, r); err != nil {
		fmt.Fprintf(stderr, "docverify: writing the report: %v\n", err)
		return exitError
	}
	if !o.quiet && o.format == "text" {
		fmt.Fprintln(stderr, report.Summary(r))
	}
	for _, f := range r.Findings {
		if failOn != 0 && f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitOK
}

// formatNames are the values of --format, in the order help lists them.
var formatNames = []string{"text", "json", "sarif", "github", "junit", "checkstyle"}

// reporter returns the reporter for a --format value.
func reporter(format string, color bool) (report.Reporter, bool) {
	switch format {
	case "text":
		return report.Text{Color: color}, true
	case "json":
		return report.JSON{}, true
	case "sarif":
		return report.SARIF{Version: version}, true
	case "github":
		return report.GitHub{}, true
	case "junit":
		return report.JUnit{}, true
	case "checkstyle":
		return report.Checkstyle{}, true
	}
	return nil, false
}

// parseFailOn reads --fail-on; "never" is severity 0.
func parseFailOn(s string) (verify.Severity, error) {
	if s == "never" {
		return 0, nil
	}
	sev, err := verify.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("unknown --fail-on %q (want error, warning, info or never)", s)
	}
	return sev, nil
}

// useColor follows --color, NO_COLOR (https://no-color.org) and whether
// stdout is a terminal.
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// target is what the arguments ask for: a root, and either every doc in it
// or only some.
type target struct {
	root string
	docs []string // slash paths relative to root; nil means every doc
}

func resolveTarget(args []string) (target, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var t target
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return t, fmt.Errorf("%s: %w", a, unwrapPathError(err))
		}
		var root string
		if info.IsDir() {
			root = a
		} else {
			if !workspace.IsDoc(a) {
				return t, fmt.Errorf("%s is not a Markdown file (.md, .mdx, .markdown) or a directory", a)
			}
			if root, err = workspace.FindRoot(a); err != nil {
				return t, err
			}
		}
		abs, err := filepath.Abs(root)
		if err != nil {
			return t, err
		}
		if t.root != "" && t.root != abs {
			return t, fmt.Errorf("the paths are in different repositories (%s and %s); check one at a time", t.root, abs)
		}
		t.root = abs
		if !info.IsDir() {
			rel, err := workspace.Rel(abs, a)
			if err != nil {
				return t, fmt.Errorf("%s: %w", a, err)
			}
			t.docs = append(t.docs, rel)
		}
	}
	return t, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// check runs the pipeline: docs → claims; code → index; claims × index →
// findings.
func check(ctx context.Context, args []string, o options) (*report.Run, error) {
	start := time.Now()
	t, err := resolveTarget(args)
	if err != nil {
		return nil, err
	}
	ws, err := workspace.Walk(t.root, workspace.Options{IncludeChangelogs: o.includeChangelogs})
	if err != nil {
		return nil, fmt.Errorf("reading the repository: %w", err)
	}
	docs := ws.Docs
	if t.docs != nil {
		docs = t.docs
	}

	claims, findings := extractDocs(t.root, docs, o.jobs)

	code, err := newCodeIndex(t.root, ws.Files, o)
	if err != nil {
		return nil, err
	}
	vix, err := code.build(ctx, ws.Files)
	if err != nil {
		code.close()
		return nil, fmt.Errorf("indexing the code: %w", err)
	}
	if qs := verify.Pending(claims, vix); len(qs) > 0 {
		m, n, err := code.mentions(ctx, qs)
		if err != nil {
			code.close()
			return nil, fmt.Errorf("searching the code: %w", err)
		}
		vix.AddMentions(m, n)
	}
	results := verify.Check(claims, vix)
	findings = append(findings, vix.Findings(results)...)
	for _, p := range code.problems() {
		findings = append(findings, verify.Finding{
			Rule: verify.RuleUnreadableSource, Severity: verify.RuleUnreadableSource.Severity,
			Pos: verify.Pos{File: p.path}, Message: "could not index this file: " + p.message,
		})
	}
	verify.SortFindings(findings)
	_ = code.close() // a cache that cannot be written costs the next run time, not this run's results

	st := code.stats()
	r := &report.Run{Root: t.root, Findings: findings, Results: results}
	r.Stats = report.Stats{
		Docs: len(docs), Claims: len(claims), SourceFiles: st.sourceFiles, Parsed: st.parsed, Cached: st.cached,
		TextSearched: vix.Stats.MentionFiles, Languages: st.byLang, Unindexed: st.unindexed, Elapsed: time.Since(start),
	}
	for _, res := range results {
		if res.Status != verify.External && res.Status != verify.Ignored {
			r.Stats.Checked++
		}
	}
	return r, nil
}

// extractDocs reads every doc in parallel. A doc that cannot be read
// becomes a finding, and the run goes on.
func extractDocs(root string, docs []string, jobs int) ([]verify.Claim, []verify.Finding) {
	type result struct {
		claims   []verify.Claim
		findings []verify.Finding
	}
	results := make([]result, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for j := 0; j < max(1, jobs); j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = extractDoc(root, docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	var claims []verify.Claim
	var findings []verify.Finding
	for _, r := range results {
		claims = append(claims, r.claims...)
		findings = append(findings, r.findings...)
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Pos.Before(claims[j].Pos) })
	return claims, findings
}

func extractDoc(root, doc string) (out struct {
	claims   []verify.Claim
	findings []verify.Finding
}) {
	unreadable := func(err error) {
		out.findings = append(out.findings, verify.Finding{
			Rule: verify.RuleUnreadableDoc, Severity: verify.RuleUnreadableDoc.Severity,
			Pos: verify.Pos{File: doc}, Message: "could not read this doc: " + err.Error(),
		})
	}
	full := filepath.Join(root, filepath.FromSlash(doc))
	info, err := os.Stat(full)
	if err != nil {
		unreadable(unwrapPathError(err))
		return out
	}
	if info.Size() > 8<<20 {
		unreadable(errors.New("larger than 8 MiB"))
		return out
	}
	src, err := os.ReadFile(full)
	if err != nil {
		unreadable(unwrapPathError(err))
		return out
	}
	d, err := extract.Markdown(doc, src)
	if err != nil {
		unreadable(err)
		return out
	}
	out.claims = d.Claims
	for _, p := range d.Problems {
		out.findings = append(out.findings, verify.Finding{
			Rule: verify.RuleUnreadableSnippet, Severity: verify.RuleUnreadableSnippet.Severity, Pos: p.Pos, Message: p.Message,
		})
	}
	return out
}
