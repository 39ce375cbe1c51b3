package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/spf13/pflag"

	"github.com/docverify/docverify/cmd/docverify/internal/changes"
	"github.com/docverify/docverify/cmd/docverify/internal/history"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/inventory"
	"github.com/docverify/docverify/verify/report"
)

const reportUsage = `Usage: docverify report [flags] [path]

Writes the release-checklist page: every mechanism the docs promise and
whether the code has it (safety mechanisms and missing names first), every
name the code reads that no doc names, and coverage figures per kind.
`

// reportCommand renders the inventory of a run instead of its findings.
func reportCommand(ctx context.Context, args []string, s stdio) int {
	var o options
	format, since, noHistory := "markdown", "", false
	fs := pflag.NewFlagSet("docverify report", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVarP(&format, "format", "f", format, "markdown (for release notes and job summaries), html (one self-contained page) or json")
	fs.StringVar(&since, "since", "", "also show what changed since this revision (the last release's tag): claims added and removed, read sites added and removed, and knobs the code stopped reading that docs still name")
	fs.StringVarP(&o.output, "output", "o", "", "write the page to this file instead of stdout")
	fs.StringVar(&o.config, "config", "", "configuration file (default: .docverify.yml at the root, if there is one)")
	fs.BoolVar(&o.includeCopies, "include-copies", false, "include translations and old versions of docs")
	fs.BoolVar(&o.includeChangelogs, "include-changelogs", false, "include changelogs, release notes, migration guides and design records")
	fs.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files to index in parallel")
	fs.DurationVar(&o.fileTimeout, "file-timeout", defaultFileTimeout, "the longest one source file may take to read; a file that takes longer is reported (DV2002) and left out")
	fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the cache of parsed files")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "where to keep the cache (default: the user cache directory)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "do not show progress on a terminal")
	fs.BoolVar(&noHistory, "no-history", false, "do not search git history for what became of each missing name")
	fs.BoolP("help", "h", false, "print this help and exit")
	fs.SetOutput(s.errOut)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(s.errOut, "docverify: %v (see docverify report --help)\n", err)
		return exitError
	}
	if help, _ := fs.GetBool("help"); help {
		fmt.Fprint(s.out, reportUsage, "\nFlags:\n", fs.FlagUsages())
		return exitOK
	}
	render, ok := map[string]func(io.Writer, inventory.Inventory) error{
		"markdown": inventory.Markdown, "md": inventory.Markdown, "html": inventory.HTML, "json": inventory.JSON,
	}[format]
	if !ok {
		fmt.Fprintf(s.errOut, "docverify: unknown --format %q (want markdown, html or json)\n", format)
		return exitError
	}
	if len(fs.Args()) > 1 {
		fmt.Fprintln(s.errOut, "docverify: report takes one path, the repository")
		return exitError
	}
	// the check's own output is not written, so neither are its findings' history verdicts
	o.format, o.failOn, o.color, o.noHistory = "json", "never", "never", true
	if _, _, err := o.validate(fs.Args()); err != nil {
		fmt.Fprintf(s.errOut, "docverify: %v\n", err)
		return exitError
	}
	o.progress = newProgress(s.errOut, o.quiet)
	run, err := check(ctx, fs.Args(), o, nil)
	if err != nil {
		fmt.Fprintf(s.errOut, "docverify: %s\n", report.Clean(err.Error()))
		return exitError
	}
	inv := inventory.Build(filepath.Base(run.Root), run.Results, run.Implemented)
	if !noHistory {
		// what history says of each missing name: removed, renamed, never there
		var names []string
		for _, e := range inv.Documented {
			if e.Status == verify.Missing && e.Kind != verify.Config && len(historyToken(e.Kind, e.Name)) >= 4 {
				names = append(names, historyToken(e.Kind, e.Name))
			}
		}
		words := map[string]string{}
		cacheDir := o.cacheDir
		if o.noCache {
			cacheDir = ""
		}
		for n, v := range historyVerdicts(ctx, run.Root, names, history.DefaultLimits, cacheDir) {
			words[n] = v.String()
		}
		inv.AddHistory(words, func(e inventory.Entry) string {
			if e.Kind == verify.Config {
				return ""
			}
			return historyToken(e.Kind, e.Name)
		})
	}
	if since != "" {
		ch, err := changesSince(ctx, run, since, o)
		if err != nil {
			fmt.Fprintf(s.errOut, "docverify: %s\n", report.Clean(err.Error()))
			return exitError
		}
		inv.Since = &ch
	}
	out, closeOut, ok := openOutput(o.output, s)
	if !ok {
		return exitError
	}
	defer closeOut()
	if err := render(out, inv); err != nil {
		fmt.Fprintf(s.errOut, "docverify: writing the report: %v\n", err)
		return exitError
	}
	return exitOK
}

// changesSince checks the repository as it was at rev — its files written
// from git's objects into a temporary directory, nothing of it run — and
// compares that inventory with this run's.
func changesSince(ctx context.Context, now *report.Run, rev string, o options) (inventory.Changes, error) {
	dir, err := os.MkdirTemp("", "docverify-since-")
	if err != nil {
		return inventory.Changes{}, fmt.Errorf("--since: %w", err)
	}
	defer os.RemoveAll(dir)
	label, err := changes.Export(now.Root, rev, dir)
	if err != nil {
		return inventory.Changes{}, err
	}
	// the old tree's parse results would only crowd the cache
	o.noCache, o.config = true, ""
	then, err := check(ctx, []string{dir}, o, nil)
	if err != nil {
		return inventory.Changes{}, fmt.Errorf("--since: checking %s: %w", label, err)
	}
	before := inventory.Build(filepath.Base(now.Root), then.Results, then.Implemented)
	after := inventory.Build(filepath.Base(now.Root), now.Results, now.Implemented)
	return inventory.Compare(label, before, then.Implemented, after, now.Implemented), nil
}
