package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

// Exit codes, the same for every output format and subcommand.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, configuration, I/O or internal error
)

// version is set at build time with -ldflags "-X main.version=..."; a
// binary built by go install takes its module version instead.
var version = "dev"

func init() {
	if version != "dev" {
		return
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
}

// subcommands are the words that may come first. Anything else starts a
// check, so "docverify docs/" and "docverify --format json" work as they
// always did; a directory named like a subcommand is checked as ./rules.
var subcommands []subcommand

type subcommand struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdio stdio) int
}

func init() {
	// set here, not in the declaration: check's help lists them
	subcommands = []subcommand{
		{"check", "check docs against the code (the default)", checkCommand},
		{"report", "write the release-checklist inventory: markdown, html or json", reportCommand},
		{"lsp", "serve the Language Server Protocol to an editor, on stdin and stdout", lspCommand},
		{"init", "write a commented .docverify.yml", initCommand},
		{"rules", "list the rules and their default severities", rulesCommand},
		{"explain", "explain a rule: docverify explain DV1001", explainCommand},
		{"version", "print the version", versionCommand},
		{"completion", "print a shell completion script: bash, zsh or fish", completionCommand},
	}
}

// stdio are the streams of a run, so tests can run it in-process.
type stdio struct {
	in          io.Reader
	out, errOut io.Writer
}

// run is the whole command.
func run(ctx context.Context, args []string, in io.Reader, stdout, stderr io.Writer) int {
	s := stdio{in: in, out: stdout, errOut: stderr}
	if len(args) > 0 {
		if args[0] == "help" {
			if len(args) > 1 {
				return run(ctx, []string{args[1], "--help"}, in, stdout, stderr)
			}
			printUsage(stdout)
			return exitOK
		}
		for _, c := range subcommands {
			if args[0] == c.name {
				return c.run(ctx, args[1:], s)
			}
		}
	}
	return checkCommand(ctx, args, s)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, checkUsage)
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range subcommands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun docverify check --help for every flag.")
}
