package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/pflag"

	"github.com/docverify/docverify/cmd/docverify/internal/lsp"
	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/verify"
)

// lspCommand serves the language server on standard input and output.
func lspCommand(ctx context.Context, args []string, s stdio) int {
	var o options
	var minSeverity string
	var delay time.Duration
	fs, code, ok := commandFlags("lsp", "lsp [flags]\n\nServes the Language Server Protocol on standard input and output: an editor\nsends the Markdown it has open and gets docverify's findings as diagnostics,\nwith quick fixes. See the README's \"In your editor\" for set-up.", args, s, func(fs *pflag.FlagSet) {
		fs.StringVar(&o.config, "config", "", "configuration file (default: .docverify.yml at the repository's root, if there is one)")
		fs.StringVar(&minSeverity, "min-severity", "warning", "show findings at or above this severity: error, warning or info")
		fs.DurationVar(&delay, "delay", 300*time.Millisecond, "how long after the last change a doc is checked")
		fs.StringVar(&o.cacheDir, "cache-dir", "", "where to keep the cache (default: the user cache directory)")
		fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the cache of parsed files")
		fs.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "files to index in parallel")
	})
	if !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(s.errOut, "docverify lsp: takes no arguments (the editor sends the docs)\n")
		return exitError
	}
	minSev, err := verify.ParseSeverity(minSeverity)
	if err != nil {
		fmt.Fprintf(s.errOut, "docverify lsp: --min-severity: %v\n", err)
		return exitError
	}
	if o.jobs <= 0 {
		o.jobs = runtime.GOMAXPROCS(0)
	}
	o.fileTimeout = defaultFileTimeout
	o.noHistory = true // the editor asks on every pause in typing; history is for CI
	if o.cacheDir == "" && !o.noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			o.cacheDir = filepath.Join(dir, "docverify")
		}
	}
	err = lsp.Serve(ctx, stdioConn{s.in, s.out}, docChecker{o}, lsp.Options{Delay: delay, Version: version, MinSeverity: minSev})
	if err != nil {
		fmt.Fprintf(s.errOut, "docverify lsp: %v\n", err)
		return exitError
	}
	return exitOK
}

// docChecker checks one editor buffer with the whole pipeline, as
// --stdin-filename does; the parse cache makes each check after the
// first cost the changed files only.
type docChecker struct{ o options }

func (c docChecker) Check(ctx context.Context, path string, text []byte) (lsp.Result, error) {
	o := c.o
	o.stdinFilename = path
	if len(text) > maxDocSize {
		return lsp.Result{}, fmt.Errorf("the doc is larger than %d MiB, so it is not read", maxDocSize>>20)
	}
	r, err := check(ctx, nil, o, text)
	if err != nil {
		return lsp.Result{}, err
	}
	rel, err := workspace.Rel(r.Root, path)
	if err != nil {
		return lsp.Result{}, err
	}
	res := lsp.Result{Root: r.Root}
	for _, f := range r.Findings {
		if f.Pos.File == rel {
			res.Findings = append(res.Findings, f)
		}
	}
	return res, nil
}

// stdioConn is standard input and output as one connection.
type stdioConn struct {
	io.Reader
	io.Writer
}

func (stdioConn) Close() error { return nil }
