package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/docverify/docverify/cmd/docverify/internal/baseline"
	"github.com/docverify/docverify/cmd/docverify/internal/buildid"
	"github.com/docverify/docverify/cmd/docverify/internal/changes"
	"github.com/docverify/docverify/cmd/docverify/internal/config"
	"github.com/docverify/docverify/cmd/docverify/internal/doccache"
	"github.com/docverify/docverify/cmd/docverify/internal/history"
	"github.com/docverify/docverify/cmd/docverify/internal/safefile"
	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/extract"
	"github.com/docverify/docverify/extract/cues"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/inventory"
	"github.com/docverify/docverify/verify/report"
)

// maxDocSize is the largest doc read; larger ones are generated.
const maxDocSize = 8 << 20

// indexStats and fileProblem describe the code side of a run without
// depending on the tree-sitter packages, which need cgo.
type indexStats struct {
	sourceFiles, parsed, cached int
	byLang, unindexed           map[string]int
}

type fileProblem struct{ path, message string }

// configError is a mistake in the configuration file; its text is one
// file:line:col: message line per mistake.
type configError struct{ error }

// target is what the arguments ask for: a root, and either every doc in it
// or only some.
type target struct {
	root string
	docs []string // slash paths relative to root; nil means every doc
	// under limits every doc to these directories (slash paths relative
	// to root): a directory argument inside a repository checks the docs
	// under it against the whole repository's code.
	under []string
	// whole is set when an argument is the root itself: every doc.
	whole bool
}

// enclosingRepo is the nearest directory at or above dir with a .git entry,
// "" if none (the file system's root aside, as in workspace.FindRoot).
func enclosingRepo(dir string) string {
	for d := dir; filepath.Dir(d) != d; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
	}
	return ""
}

func resolveTarget(args []string, stdinFilename string) (target, error) {
	if stdinFilename != "" {
		// The doc need not exist on disk (a new, unsaved file); its
		// directory must, to find the repository.
		dir := filepath.Dir(stdinFilename)
		if _, err := os.Stat(dir); err != nil {
			return target{}, fmt.Errorf("--stdin-filename %s: %w", stdinFilename, unwrapPathError(err))
		}
		root, err := workspace.FindRoot(filepath.Join(dir, "."))
		if err != nil {
			return target{}, err
		}
		abs, err := filepath.Abs(root)
		if err != nil {
			return target{}, err
		}
		rel, err := workspace.Rel(abs, stdinFilename)
		if err != nil {
			return target{}, fmt.Errorf("--stdin-filename %s: %w", stdinFilename, err)
		}
		return target{root: abs, docs: []string{rel}}, nil
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	var t target
	for _, a := range args {
		if a == "" {
			// docverify "$DOCS" with DOCS unset: not the current directory
			return t, errors.New(`an empty path ("") names nothing to check; give a directory or a doc, or no path for the current directory`)
		}
		info, err := os.Stat(a)
		if err != nil {
			return t, fmt.Errorf("%s: %w", a, unwrapPathError(err))
		}
		var root, under string
		if info.IsDir() {
			root = a
			if abs, err := filepath.Abs(a); err == nil {
				if top := enclosingRepo(abs); top != "" && top != abs {
					// docs/ of a repository: its docs, the repository's code
					root = top
					rel, err := filepath.Rel(top, abs)
					if err != nil {
						return t, err
					}
					under = filepath.ToSlash(rel)
				}
			}
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
		switch {
		case under != "":
			t.under = append(t.under, under)
		case info.IsDir():
			t.whole = true
		}
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

// loadConfig reads the configuration: the --config file, or the root's
// .docverify.yml. name is how findings and messages refer to it.
func loadConfig(root, explicit string) (cfg *config.Config, name string, err error) {
	file := explicit
	if file == "" {
		if file = config.Find(root); file == "" {
			return &config.Config{}, "", nil
		}
	}
	name = displayPath(root, file)
	schema := config.Schema{Langs: languageNames(), Rules: map[string]string{}}
	for _, r := range verify.Rules {
		schema.Rules[r.ID], schema.Rules[r.Slug] = r.ID, r.ID
	}
	src, err := safefile.Read(file, maxConfigSize)
	if err != nil {
		return nil, "", fmt.Errorf("--config: %s: %w", file, unwrapPathError(err))
	}
	cfg, err = config.Parse(name, src, schema)
	if err != nil {
		return nil, "", configError{err}
	}
	return cfg, name, nil
}

// displayPath is p relative to root with slashes when it is inside root,
// and p as given otherwise.
func displayPath(root, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

// policy is what the configuration changes in judging.
func policy(cfg *config.Config, name string) verify.Policy {
	p := verify.Policy{Source: name, Severity: map[string]verify.Severity{}, Off: map[string]bool{}}
	for _, n := range cfg.External.Names {
		p.External = append(p.External, globQuote(n))
	}
	p.External = append(p.External, cfg.External.Patterns...)
	for id, sev := range cfg.Rules {
		if sev == "off" {
			p.Off[id] = true
		} else if s, err := verify.ParseSeverity(sev); err == nil {
			p.Severity[id] = s
		}
	}
	return p
}

// globQuote makes a name match itself as a path.Match pattern.
func globQuote(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(s)
}

// safetyCues turns configured safety words into cues: a space matches a
// space, a dash or nothing, as in the built-in vocabulary.
func safetyCues(words []string) []cues.Cue {
	var out []cues.Cue
	for _, w := range words {
		parts := strings.Fields(strings.ToLower(w))
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		out = append(out, cues.Cue{Label: w, Pattern: strings.Join(parts, "[ -]?")})
	}
	return out
}

// configFacts are the name derivations a configuration declares, as facts
// of the configuration file, so that evidence points at the rule.
func configFacts(cfg *config.Config, name string) []verify.FileFacts {
	if len(cfg.Env) == 0 {
		return nil
	}
	f := verify.FileFacts{Path: name}
	for _, r := range cfg.Env {
		from := verify.Config
		if r.From == "flag" {
			from = verify.Flag
		}
		c := r.Case
		if c == "keep" {
			c = ""
		}
		f.Derives = append(f.Derives, verify.Derivation{
			Kind: verify.Env, From: from, Prefix: strings.ToUpper(r.Prefix), Nest: r.Separator, Case: c,
			Site: verify.Site{Line: r.Line, Col: 1}, Via: "the env rule in " + name,
		})
	}
	return []verify.FileFacts{f}
}

func kindNamed(s string) verify.Kind {
	var k verify.Kind
	_ = k.UnmarshalText([]byte(s)) // validated by config
	return k
}

// check runs the pipeline: docs → claims; code → index; claims × index →
// findings. stdinDoc, with --stdin-filename, is the doc's content.
func check(ctx context.Context, args []string, o options, stdinDoc []byte) (*report.Run, error) {
	start := time.Now()
	t, err := resolveTarget(args, o.stdinFilename)
	if err != nil {
		return nil, err
	}
	if err := indexAvailable(); err != nil {
		return nil, err
	}
	cfg, cfgName, err := loadConfig(t.root, o.config)
	if err != nil {
		return nil, err
	}
	exts, err := extensions(cfg, cfgName)
	if err != nil {
		return nil, configError{err}
	}
	x, err := extract.New(extract.Options{Safety: safetyCues(cfg.Safety)})
	if err != nil {
		return nil, configError{&config.Error{File: cfgName, Msg: err.Error()}}
	}
	// docverify's own files name names without being evidence of them.
	own := map[string]bool{cfgName: true}
	for _, f := range []string{o.baseline, o.writeBaseline} {
		if f != "" {
			own[displayPath(t.root, f)] = true
		}
	}
	ws, err := workspace.Walk(t.root, workspace.Options{
		IncludeChangelogs: o.includeChangelogs || cfg.Changelogs != nil && *cfg.Changelogs,
		IncludeCopies:     o.includeCopies || cfg.Copies != nil && *cfg.Copies,
		IncludeTooling:    len(cfg.Docs.Include) > 0, // include globs say exactly which docs
		Docs:              cfg.Docs.Match,
		Source:            func(p string) bool { return !own[p] && cfg.Source.Match(p) },
	})
	if err != nil {
		return nil, fmt.Errorf("reading the repository: %w", err)
	}
	docs := ws.Docs
	if !t.whole && (t.docs != nil || len(t.under) > 0) {
		// docs named on the command line are checked whatever the globs
		// say; a directory inside the repository adds the docs under it
		docs = append([]string(nil), t.docs...)
		named := map[string]bool{}
		for _, d := range t.docs {
			named[d] = true
		}
		for _, d := range ws.Docs {
			for _, u := range t.under {
				if strings.HasPrefix(d, u+"/") && !named[d] {
					docs = append(docs, d)
					break
				}
			}
		}
	}

	var ch *changes.Changes
	if o.diff != "" {
		all := append(append([]string(nil), ws.Files...), docs...)
		if ch, err = changes.Since(t.root, o.diff, all, workspace.IsDoc, func(p string) bool { return !workspace.IsDoc(p) && cfg.Source.Match(p) }); err != nil {
			return nil, err
		}
	}

	// a run that reads no doc, or finds no code to check docs against,
	// checks nothing: a wrong path must not pass a CI job
	where := t.root
	if len(t.under) > 0 {
		where = strings.Join(t.under, ", ")
	}
	switch {
	case len(docs) == 0:
		return nil, fmt.Errorf("no Markdown docs under %s; nothing was checked", where)
	case len(ws.Files) == 0:
		return nil, fmt.Errorf("no source files under %s, so no claim could be verified; run docverify at the repository's root", t.root)
	}

	var override map[string][]byte
	if o.stdinFilename != "" {
		override = map[string][]byte{docs[0]: stdinDoc}
	}
	o.progress.totals(len(docs), len(ws.Files))
	o.progress.start()
	defer o.progress.end()
	var dc *doccache.Cache
	if v := buildid.Hash(o.cacheDir); v != 0 && !o.noCache && o.cacheDir != "" {
		// the extractor's options are the repository's safety words
		dc, _ = doccache.Open(o.cacheDir, t.root, v^xxhash.Sum64String(fmt.Sprint(cfg.Safety))) // a cache that cannot be opened is no cache
	}
	claims, directives, findings := extractDocs(x, dc, t.root, docs, o.jobs, override, o.progress)
	_ = dc.Save(len(docs) == len(ws.Docs) && override == nil) // only a cache

	pol := policy(cfg, cfgName)
	if _, set := pol.Severity[verify.RuleUndocumented.ID]; o.undocumented && !set {
		pol.Severity[verify.RuleUndocumented.ID] = verify.RuleUndocumented.Severity
	}
	// Docs that name no setting leave the code nothing to answer: the run
	// costs their reading, not a parse of the repository (unless the
	// inventory of undocumented names is asked for, which needs it).
	var code *codeIndex
	vix := verify.NewIndex(configFacts(cfg, cfgName), ws.Files)
	if len(claims) > 0 || pol.Enabled(verify.RuleUndocumented) {
		if code, err = newCodeIndex(t.root, ws.Files, o, exts); err != nil {
			return nil, err
		}
		defer code.close() // a cache that cannot be written costs the next run time, not this run's results
		if vix, err = code.build(ctx, ws.Files, configFacts(cfg, cfgName)); err != nil {
			return nil, fmt.Errorf("indexing the code: %w", err)
		}
	}
	vix.Policy = pol
	if qs := verify.Pending(claims, vix); len(qs) > 0 {
		m, n, err := code.mentions(ctx, qs)
		if err != nil {
			return nil, fmt.Errorf("searching the code: %w", err)
		}
		vix.AddMentions(m, n)
	}
	results := verify.Check(claims, vix)
	traceResults(results)
	var problems []fileProblem
	if code != nil {
		problems = code.problems()
	}
	if ch != nil {
		if code != nil { // without it there are no results to narrow
			if results, err = changedOnly(ctx, ch, code, vix, ws.Files, results); err != nil {
				return nil, err
			}
		}
		findings = keepFindings(findings, func(f verify.Finding) bool {
			return ch.LineChanged(f.Pos.File, f.Pos.Line) || f.Pos.Line == 0 && hasKey(ch.Changed, f.Pos.File)
		})
		directives = keepDirectives(directives, func(d *verify.Directive) bool { return ch.LineChanged(d.Pos.File, d.Pos.Line) })
		problems = keepProblems(problems, func(p fileProblem) bool { return hasKey(ch.Changed, p.path) })
	}
	missing := vix.Findings(results)
	implemented := vix.Implemented() // the report's and DV1008's, listed once
	if !o.noHistory && o.stdinFilename == "" {
		cacheDir := o.cacheDir
		if o.noCache {
			cacheDir = ""
		}
		addHistory(ctx, t.root, missing, ch, cacheDir)
	}
	findings = append(findings, missing...)
	findings = append(findings, vix.SuppressionFindings(directives, results)...)
	if vix.Policy.Enabled(verify.RuleUndocumented) && ch == nil && o.stdinFilename == "" && (t.whole || t.docs == nil && len(t.under) == 0) {
		// only a run over every doc can say a name is in none of them
		findings = append(findings, undocumentedFindings(t.root, results, implemented)...)
	}
	for _, p := range problems {
		findings = append(findings, verify.Finding{
			Rule: verify.RuleUnreadableSource, Severity: verify.RuleUnreadableSource.Severity,
			Pos: verify.Pos{File: p.path}, Message: "could not index this file: " + p.message,
		})
	}
	findings = vix.Policy.Apply(findings)
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			return nil, err
		}
		b.Path = displayPath(t.root, o.baseline)
		checked := map[string]bool{}
		if ch == nil && o.stdinFilename == "" {
			for _, d := range docs {
				checked[d] = true
			}
		}
		findings = b.Filter(findings, func(doc string) bool { return checked[doc] })
	}
	verify.SortFindings(findings)

	var st indexStats
	if code != nil {
		st = code.stats()
	}
	r := &report.Run{Root: t.root, Findings: findings, Results: results, Implemented: implemented, Suppressed: vix.SuppressedFindings(results)}
	for _, u := range ws.UnusedConfigs {
		where := "and there is none"
		if cfgName != "" {
			where = cfgName
		}
		r.Notes = append(r.Notes, fmt.Sprintf("%s is not used: docverify reads only the configuration at the repository's root (%s)", u, where))
	}
	if ch != nil {
		r.Since = ch.Base
	}
	r.Stats = report.Stats{
		Docs: len(docs), Claims: len(claims), SourceFiles: st.sourceFiles, Parsed: st.parsed, Cached: st.cached,
		TextSearched: vix.Stats.MentionFiles, Languages: st.byLang, Unindexed: st.unindexed,
	}
	for _, res := range results {
		if res.Status != verify.External && res.Status != verify.Ignored {
			r.Stats.Checked++
		}
	}
	r.Stats.Elapsed = time.Since(start)
	return r, nil
}

// undocumentedFindings are the DV1008 findings: the repository's own
// settings the code reads that no doc names, each at its first read site.
func undocumentedFindings(root string, results []verify.Result, implemented []verify.Implemented) []verify.Finding {
	var out []verify.Finding
	for _, u := range inventory.Build(root, results, implemented).Undocumented {
		if !u.Own {
			continue // an env var without the repository's prefix may be another program's
		}
		r := verify.RuleUndocumented
		out = append(out, verify.Finding{
			Rule: r, Severity: r.Severity, Pos: u.At, Kind: u.Kind, Name: u.Name,
			Message: fmt.Sprintf("%s %s is read here (%s) but no doc names it; document it, or record it in a baseline (--write-baseline) if it is internal", u.Kind.Noun(), u.Name, u.Via),
		})
	}
	return out
}

// historyToken is a name as code spells it, for the history search:
// dry-run for --dry-run, a config key's last segment.
func historyToken(k verify.Kind, name string) string {
	name = strings.TrimLeft(name, "-")
	if k == verify.Config {
		name = name[strings.LastIndexByte(name, '.')+1:] // code names a key by its last segment
	}
	return name
}

// historyVerdicts are git history's verdicts on the missing names of
// kinds other than config keys (code names them by segments, and a last
// segment is too common a word), keyed by historyToken; nil without a
// repository.
func historyVerdicts(ctx context.Context, root string, names []string, lim history.Limits, cacheDir string) map[string]history.Verdict {
	if len(names) == 0 {
		return nil
	}
	v, err := history.SearchCached(ctx, root, names, lim, cacheDir)
	if err != nil {
		return nil
	}
	return v
}

// addHistory appends to each missing-name finding what git history says of
// the name: removed or renamed in a commit, or never there. The search is
// bounded (history.DefaultLimits); without a repository nothing is added.
func addHistory(ctx context.Context, root string, fs []verify.Finding, ch *changes.Changes, cacheDir string) {
	token := func(f verify.Finding) string { return historyToken(f.Kind, f.Name) }
	var names []string
	for _, f := range fs {
		// config keys are left out: code names them by segments, and a
		// last segment (port, timeout) is too common a word for a verdict
		if (f.Rule == verify.RuleMissing || f.Rule == verify.RuleMissingSafety) && f.Kind != verify.Config && len(token(f)) >= 4 {
			names = append(names, token(f))
		}
	}
	if len(names) == 0 {
		return
	}
	lim := history.DefaultLimits
	if ch != nil {
		// a name the run's changes took out of a file may still be in its
		// last commit: not "never there"
		for p := range ch.Changed {
			if !workspace.IsDoc(p) {
				lim.Uncommitted = append(lim.Uncommitted, p)
			}
		}
		for p := range ch.Deleted {
			lim.Uncommitted = append(lim.Uncommitted, p)
		}
		sort.Strings(lim.Uncommitted)
	}
	verdicts := historyVerdicts(ctx, root, names, lim, cacheDir)
	for i := range fs {
		if v, ok := verdicts[token(fs[i])]; ok && (fs[i].Rule == verify.RuleMissing || fs[i].Rule == verify.RuleMissingSafety) {
			fs[i].Message += "; history: " + v.String()
		}
	}
}

// changedOnly keeps, in pull-request mode, the results of claims on doc
// lines changed since the base, and those of claims anywhere that the
// code read at the base but no longer does: a change that deletes a
// documented read site is caught though it touches no doc.
func changedOnly(ctx context.Context, ch *changes.Changes, code *codeIndex, vix *verify.Index, files []string, results []verify.Result) ([]verify.Result, error) {
	old := map[string][]byte{}
	for p, src := range ch.Changed {
		if !workspace.IsDoc(p) {
			old[p] = src
		}
	}
	for p, src := range ch.Deleted {
		old[p] = src
	}
	var before *verify.Index
	var out []verify.Result
	for _, r := range results {
		if ch.LineChanged(r.Claim.Pos.File, r.Claim.Pos.Line) {
			out = append(out, r)
			continue
		}
		if len(old) == 0 || r.Status == verify.Verified || r.Status == verify.External || r.Status == verify.Ignored {
			continue
		}
		if before == nil {
			var err error
			if before, err = code.before(ctx, files, old); err != nil {
				return nil, fmt.Errorf("indexing the code at %s: %w", ch.Base, err)
			}
			before.Policy = vix.Policy
		}
		if was := verify.Check([]verify.Claim{r.Claim}, before)[0]; was.Status == verify.Verified {
			r.Removed, r.Since = was.Evidence, ch.Base
			out = append(out, r)
		}
	}
	return out, nil
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func keepFindings(fs []verify.Finding, keep func(verify.Finding) bool) []verify.Finding {
	var out []verify.Finding
	for _, f := range fs {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

func keepDirectives(ds []*verify.Directive, keep func(*verify.Directive) bool) []*verify.Directive {
	var out []*verify.Directive
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

func keepProblems(ps []fileProblem, keep func(fileProblem) bool) []fileProblem {
	var out []fileProblem
	for _, p := range ps {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// extractDocs reads every doc in parallel. A doc that cannot be read
// becomes a finding, and the run goes on. override holds the content of
// docs that are not to be read from disk (an editor's unsaved buffer).
func extractDocs(x *extract.Extractor, dc *doccache.Cache, root string, docs []string, jobs int, override map[string][]byte, prog *progress) ([]verify.Claim, []*verify.Directive, []verify.Finding) {
	results := make([]docResult, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for j := 0; j < max(1, jobs); j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = extractDoc(x, dc, root, docs[i], override)
				prog.docRead()
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	var claims []verify.Claim
	var dirs []*verify.Directive
	var findings []verify.Finding
	for _, r := range results {
		claims = append(claims, r.claims...)
		dirs = append(dirs, r.directives...)
		findings = append(findings, r.findings...)
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Pos.Before(claims[j].Pos) })
	return claims, dirs, findings
}

type docResult struct {
	claims     []verify.Claim
	directives []*verify.Directive
	findings   []verify.Finding
}

func extractDoc(x *extract.Extractor, dc *doccache.Cache, root, doc string, override map[string][]byte) (out docResult) {
	unreadable := func(err error) {
		out.findings = append(out.findings, verify.Finding{
			Rule: verify.RuleUnreadableDoc, Severity: verify.RuleUnreadableDoc.Severity,
			Pos: verify.Pos{File: doc}, Message: "could not read this doc: " + err.Error(),
		})
	}
	src, ok := override[doc]
	if !ok {
		var err error
		if src, err = readDoc(filepath.Join(root, filepath.FromSlash(doc))); err != nil {
			unreadable(err)
			return out
		}
	}
	if len(src) > maxDocSize {
		unreadable(errors.New("larger than 8 MiB"))
		return out
	}
	d, ok := dc.Get(doc, src)
	if !ok {
		var err error
		if d, err = x.Markdown(doc, src); err != nil {
			unreadable(err)
			return out
		}
		dc.Put(doc, src, d)
	}
	out.claims, out.directives = d.Claims, d.Directives
	for _, p := range d.Problems {
		out.findings = append(out.findings, verify.Finding{
			Rule: verify.RuleUnreadableSnippet, Severity: verify.RuleUnreadableSnippet.Severity, Pos: p.Pos, Message: p.Message,
		})
	}
	return out
}

// readDoc reads a doc: a regular file, not through a symbolic link (a
// pull request's docs/x.md -> /etc/passwd), at most maxDocSize bytes.
func readDoc(full string) ([]byte, error) {
	src, err := safefile.Read(full, maxDocSize)
	if errors.Is(err, safefile.ErrTooLarge) {
		return nil, errors.New("larger than 8 MiB")
	}
	return src, unwrapPathError(err)
}

// maxConfigSize bounds .docverify.yml and a baseline: far above any real
// one, far below what a link to /dev/zero would feed.
const maxConfigSize = 4 << 20

// traceResults prints the verdict on every claim whose name contains
// $DOCVERIFY_TRACE to standard error: a maintainer's tool for asking why a
// name was or was not reported, kept out of the flags users see.
func traceResults(results []verify.Result) {
	want := os.Getenv("DOCVERIFY_TRACE")
	if want == "" {
		return
	}
	for _, r := range results {
		if !strings.Contains(r.Claim.Name, want) {
			continue
		}
		fmt.Fprintf(os.Stderr, "trace %s:%d:%d %s %q (%s, command %q): %s: %s; evidence %v; ownership %v\n",
			r.Claim.Pos.File, r.Claim.Pos.Line, r.Claim.Pos.Col, r.Claim.Kind, r.Claim.Name, r.Claim.Source, r.Claim.Command,
			r.Status, r.Reason, r.Evidence, r.Ownership)
	}
}
