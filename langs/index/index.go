// Package index builds the code side of a run: it reads the repository's
// source files in parallel, parses only those that can matter, and turns
// them into code facts for verify.
//
//   - Phase 1 (Index) reads every source file of a known language, keeps
//     those that pass the language's byte-level prefilter, and parses them
//     with one tree-sitter parser per worker. Build manifests give the
//     repository's programs.
//   - Phase 2 (Resolve) parses the files the prefilter skipped that hold
//     what the index still needs: the constants read sites refer to and the
//     calls of wrapper functions.
//   - Mentions searches the text of every file for the names no read site
//     backs, so that a name that appears nowhere can be called missing.
//
// Facts of parsed files are cached by content (see Cache), so an unchanged
// file is never parsed twice.
package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/docverify/docverify/langs"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// MaxFileSize is the largest file read: larger ones are generated code or
// data, and are reported as skipped.
const MaxFileSize = 2 << 20

// Options configure an Indexer.
type Options struct {
	Root    string   // the repository root
	Files   []string // slash paths relative to Root of every file that is not a doc
	Jobs    int      // parallel workers; 0 means one per CPU
	Project lang.Project
	Cache   *Cache // nil for no cache
	// FileTimeout bounds the time one file may take to parse and query
	// (lang.Worker.Timeout): 0 for the default, negative for none.
	FileTimeout time.Duration
	// Indexed, if set, is called once for every file the first phase has
	// handled (served from the cache, prefiltered or parsed), from any
	// worker: a progress line's count.
	Indexed func()
}

// Stats say what the index was built from.
type Stats struct {
	SourceFiles  int            // files of an indexed language
	Parsed       int            // files parsed in this run
	Cached       int            // files whose facts came from the cache
	Prefiltered  int            // source files with nothing the queries look for, or generated ones
	ByLang       map[string]int // source files per language
	Unindexed    map[string]int // files of languages docverify has no grammar for
	TextSearched int            // files searched for mentions
	TextRead     int            // of them, files this run read (the others' answers were cached)
}

// Problem is a file that could not be read or indexed.
type Problem struct {
	Path    string
	Message string
}

// Indexer indexes one repository.
type Indexer struct {
	reg   *langs.Registry
	opts  Options
	files []fileState

	Stats    Stats
	Problems []Problem

	warming sync.Map // languages whose queries are being compiled
}

// fileState is what the indexer knows of one file.
type fileState struct {
	path     string
	lang     *langs.Lang
	manifest lang.Manifest
	script   bool // an extensionless file whose #! line chose lang: a program
	parsed   bool // facts holds the parse result
	skipped  bool // read, and the prefilter found nothing
	done     bool // served from the cache in the stat pass
	facts    verify.FileFacts
}

// New prepares an indexer; nothing is read yet.
func New(reg *langs.Registry, opts Options) *Indexer {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	ix := &Indexer{reg: reg, opts: opts, Stats: Stats{ByLang: map[string]int{}, Unindexed: map[string]int{}}}
	for _, p := range opts.Files {
		fs := fileState{path: p, lang: reg.ForPath(p), manifest: reg.Manifest(p)}
		if fs.lang == nil && fs.manifest == nil && !strings.Contains(path.Base(p), ".") {
			fs.lang = reg.ForScript(readHead(filepath.Join(opts.Root, filepath.FromSlash(p))))
			fs.script = fs.lang != nil
		}
		switch {
		case fs.lang != nil:
			ix.Stats.SourceFiles++
			ix.Stats.ByLang[fs.lang.Spec.Name]++
		case fs.manifest == nil:
			if l, ok := langs.Unindexed(p); ok {
				ix.Stats.Unindexed[l]++
			}
		}
		ix.files = append(ix.files, fs)
	}
	return ix
}

// dataReader reads facts from a data file no language indexer reads: the
// config a JSON Schema or XML Schema describes, the flags a flag file
// defines. The first whose match takes the path reads it.
type dataReader struct {
	match func(p string) bool
	read  func(p string, src []byte) (verify.FileFacts, bool)
}

var dataReaders = []dataReader{
	{isSchemaFile, schemaFacts},
	{isFlagFile, flagFileFacts},
	{isXSDFile, xsdFacts},
}

func dataReaderFor(p string) *dataReader {
	for i := range dataReaders {
		if dataReaders[i].match(p) {
			return &dataReaders[i]
		}
	}
	return nil
}

// warmUp starts compiling a language's queries in the background the
// first time a file of it misses the cache: compiling takes tens of
// milliseconds, which then overlap with reading and prefiltering, and a
// run served entirely from the cache never pays them.
func (ix *Indexer) warmUp(l *langs.Lang) {
	if _, loaded := ix.warming.LoadOrStore(l, true); !loaded {
		go l.Compiled()
	}
}

// Index runs phase 1 and returns the facts of every file parsed.
func (ix *Indexer) Index(ctx context.Context) ([]verify.FileFacts, error) {
	var mu sync.Mutex
	// A stat-only pass serves every file the cache knows unchanged, and
	// starts compiling the queries of each language that has a file it
	// does not know, before any file is read. A run served from the cache
	// compiles nothing.
	err := ix.each(ctx, func(_ *lang.Worker, i int) {
		fs := &ix.files[i]
		if fs.lang == nil {
			return
		}
		info, err := os.Lstat(filepath.Join(ix.opts.Root, filepath.FromSlash(fs.path)))
		if err != nil {
			return // reported when the file is read
		}
		if e, ok := ix.opts.Cache.byStat(fs.path, info); ok {
			ix.fromCache(&mu, fs, e)
			fs.done = true
			return
		}
		ix.warmUp(fs.lang)
	})
	if err != nil {
		return nil, err
	}
	err = ix.each(ctx, func(w *lang.Worker, i int) {
		fs := &ix.files[i]
		switch {
		case fs.lang == nil && fs.manifest == nil && dataReaderFor(fs.path) != nil:
			src, err := ix.read(fs.path)
			if err != nil {
				return // a data file that cannot be read is no evidence either way
			}
			if facts, ok := dataReaderFor(fs.path).read(fs.path, src); ok {
				fs.facts, fs.parsed = facts, true
			}
		case fs.manifest != nil:
			src, err := ix.read(fs.path)
			if err != nil {
				ix.problem(&mu, fs.path, err)
				return
			}
			progs, deps := fs.manifest(fs.path, src)
			fs.facts = verify.FileFacts{Path: fs.path, Programs: progs, Dependencies: deps}
			fs.parsed = true
		case fs.lang != nil && !fs.done:
			ix.indexSource(ctx, w, fs, &mu, nil)
		}
		if ix.opts.Indexed != nil {
			ix.opts.Indexed()
		}
	})
	return ix.collect(), err
}

// Resolve runs phase 2: it parses the source files the prefilter skipped
// that contain one of the pending identifiers, and returns the facts of
// every parsed file.
func (ix *Indexer) Resolve(ctx context.Context, pending []string) ([]verify.FileFacts, error) {
	if len(pending) == 0 {
		return ix.collect(), nil
	}
	sc := &scan{want: map[string]bool{}}
	for _, p := range pending {
		sc.want[p] = true
	}
	sc.key = scanKey(sc.want)
	var mu sync.Mutex
	err := ix.each(ctx, func(w *lang.Worker, i int) {
		fs := &ix.files[i]
		if fs.lang != nil && fs.skipped {
			ix.indexSource(ctx, w, fs, &mu, sc)
		}
	})
	return ix.collect(), err
}

// scan is what phase 2 looks for: the pending identifiers, and the key
// that remembers a file was searched for them.
type scan struct {
	want map[string]bool
	key  uint64
}

// indexSource fills in the facts of one source file by reading it and,
// if the prefilter (phase 1) or the pending identifiers (phase 2, sc not
// nil) ask for it, parsing it.
func (ix *Indexer) indexSource(ctx context.Context, w *lang.Worker, fs *fileState, mu *sync.Mutex, sc *scan) {
	force := sc != nil
	full := filepath.Join(ix.opts.Root, filepath.FromSlash(fs.path))
	info, err := os.Lstat(full)
	if err != nil {
		ix.problem(mu, fs.path, err)
		return
	}
	if force {
		if e, ok := ix.opts.Cache.byStat(fs.path, info); ok && e.Skipped && e.Scanned == sc.key {
			return // scanned for these identifiers before, unchanged since: none of them is here
		}
	}
	src, err := ix.read(fs.path)
	if err != nil {
		ix.problem(mu, fs.path, err)
		return
	}
	sum := contentHash(src)
	if !force {
		if e, ok := ix.opts.Cache.byHash(fs.path, sum, info); ok {
			ix.fromCache(mu, fs, e)
			return
		}
	}
	if force && !containsAny(src, sc.want) {
		ix.opts.Cache.put(fs.path, info, sum, entry{Skipped: true, Scanned: sc.key})
		return
	}
	if !force && (!fs.lang.Wants(src) || generated(src)) {
		fs.skipped = true
		mu.Lock()
		ix.Stats.Prefiltered++
		mu.Unlock()
		ix.opts.Cache.put(fs.path, info, sum, entry{Skipped: true})
		return
	}
	c, err := fs.lang.Compiled()
	if err != nil {
		ix.problem(mu, fs.path, fmt.Errorf("internal error: %w", err))
		return
	}
	facts, err := w.Facts(ctx, c, fs.path, src, ix.opts.Project)
	if err != nil {
		ix.problem(mu, fs.path, err)
		return
	}
	fs.facts, fs.parsed, fs.skipped = facts, true, false
	mu.Lock()
	ix.Stats.Parsed++
	if force {
		ix.Stats.Prefiltered--
	}
	mu.Unlock()
	ix.opts.Cache.put(fs.path, info, sum, entry{Facts: facts})
}

func (ix *Indexer) fromCache(mu *sync.Mutex, fs *fileState, e entry) {
	mu.Lock()
	defer mu.Unlock()
	if e.Skipped {
		fs.skipped = true
		ix.Stats.Prefiltered++
		return
	}
	fs.facts, fs.parsed = e.Facts, true
	ix.Stats.Cached++
}

// containsAny reports whether src holds one of the wanted identifiers as
// a whole word.
func containsAny(src []byte, want map[string]bool) bool {
	found := false
	words(src, func(w []byte, _ int) bool {
		if want[string(w)] {
			found = true
			return false
		}
		return true
	})
	return found
}

// errTooLarge and errBinary explain skipped files.
var (
	errTooLarge = fmt.Errorf("larger than %d MiB, so not read", MaxFileSize>>20)
	errBinary   = errors.New("not a text file")
)

// read reads a file of the repository, refusing large and binary ones.
// Links are not followed: a link could lead out of the repository.
func (ix *Indexer) read(p string) ([]byte, error) {
	full := filepath.Join(ix.opts.Root, filepath.FromSlash(p))
	info, err := os.Lstat(full)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, errTooLarge
	}
	if info.Size() == 0 {
		// nothing to read, and a pseudo-file that says it is empty
		// (/proc/kmsg) can block a read forever
		return nil, nil
	}
	src, err := os.ReadFile(full)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		return nil, errBinary
	}
	return src, nil
}

func (ix *Indexer) problem(mu *sync.Mutex, p string, err error) {
	if errors.Is(err, errBinary) {
		return // binary files under a source ending (rare) are not worth a word
	}
	mu.Lock()
	ix.Problems = append(ix.Problems, Problem{Path: p, Message: err.Error()})
	mu.Unlock()
}

// collect returns the facts of every parsed file, in path order.
func (ix *Indexer) collect() []verify.FileFacts {
	var out []verify.FileFacts
	image := false
	for i := range ix.files {
		fs := &ix.files[i]
		switch {
		case fs.script:
			// bin/rubocop is the rubocop program whether or not the
			// prefilter found a read site in it
			facts := fs.facts
			if !fs.parsed {
				facts = verify.FileFacts{Path: fs.path}
			}
			out = append(out, withScriptProgram(facts))
		case fs.parsed:
			out = append(out, fs.facts)
		case isDockerfile(fs.path) && ix.opts.Project.RootName != "" && !image:
			// the repository builds an image, which docs run by the
			// repository's name (docker run ... frigate:latest, cantino/huginn)
			image = true
			out = append(out, verify.FileFacts{Path: fs.path, Programs: []verify.Program{{Name: strings.ToLower(ix.opts.Project.RootName), Site: verify.Site{Line: 1, Col: 1}, Via: "Dockerfile (the repository's image)"}}})
		}
	}
	sort.Slice(ix.Problems, func(i, j int) bool { return ix.Problems[i].Path < ix.Problems[j].Path })
	return out
}

// isDockerfile reports a file an image is built from: Dockerfile,
// docker/web.Dockerfile, Dockerfile.alpine.
func isDockerfile(p string) bool {
	base := path.Base(p)
	return base == "Dockerfile" || strings.HasSuffix(base, ".Dockerfile") || strings.HasPrefix(base, "Dockerfile.")
}

// each runs fn over every file on Jobs workers, each with its own
// tree-sitter parsers.
func (ix *Indexer) each(ctx context.Context, fn func(w *lang.Worker, i int)) error {
	all := make([]int, len(ix.files))
	for i := range all {
		all[i] = i
	}
	return ix.eachOf(ctx, all, fn)
}

// eachOf is each over the files given by index.
func (ix *Indexer) eachOf(ctx context.Context, which []int, fn func(w *lang.Worker, i int)) error {
	next := make(chan int)
	var wg sync.WaitGroup
	for j := 0; j < ix.opts.Jobs; j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := lang.NewWorker()
			w.Timeout = ix.opts.FileTimeout
			defer w.Close()
			for i := range next {
				fn(w, i)
			}
		}()
	}
	var err error
loop:
	for _, i := range which {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		}
	}
	close(next)
	wg.Wait()
	return err
}

// kindOfFile names a file's kind for mention messages: "a Go file",
// "a YAML file".
func kindOfFile(p string, l *langs.Lang) string {
	if l != nil {
		return "a " + l.Spec.Title + " file"
	}
	if name, ok := langs.Unindexed(p); ok {
		return "a " + name + " file, which docverify does not index"
	}
	switch ext := path.Ext(p); ext {
	case ".yaml", ".yml":
		return "a YAML file"
	case ".json":
		return "a JSON file"
	case ".toml":
		return "a TOML file"
	case ".properties", ".ini", ".cfg", ".conf":
		return "a config file"
	}
	base := path.Base(p)
	switch {
	case base == "Dockerfile" || path.Ext(base) == ".dockerfile":
		return "a Dockerfile"
	case base == "Makefile" || base == "makefile" || path.Ext(base) == ".mk":
		return "a Makefile"
	case len(base) >= 4 && base[:4] == ".env":
		return "an env file"
	case path.Ext(base) != "":
		return "a " + path.Ext(base) + " file"
	}
	return "a file named " + base
}

// Facts parses the given content of a file, whatever the prefilter would
// say, without the cache: for versions of files that are not on disk,
// such as a source file before a pull request changed it. A file of no
// known language has no facts.
func (ix *Indexer) Facts(ctx context.Context, p string, src []byte) (verify.FileFacts, error) {
	if m := ix.reg.Manifest(p); m != nil {
		progs, deps := m(p, src)
		return verify.FileFacts{Path: p, Programs: progs, Dependencies: deps}, nil
	}
	l := ix.reg.ForPath(p)
	if l == nil && !strings.Contains(path.Base(p), ".") {
		l = ix.reg.ForScript(src)
	}
	if l == nil {
		return verify.FileFacts{Path: p}, nil
	}
	c, err := l.Compiled()
	if err != nil {
		return verify.FileFacts{}, fmt.Errorf("internal error: %w", err)
	}
	w := lang.NewWorker()
	defer w.Close()
	return w.Facts(ctx, c, p, src, ix.opts.Project)
}

// readHead returns the first bytes of a file, enough for a #! line; nil if
// it cannot be read (the error is reported when the file is read in full).
func readHead(full string) []byte {
	if info, err := os.Lstat(full); err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return nil // a FIFO, device or empty pseudo-file would block the read
	}
	f, err := os.Open(full)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 256)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}

// withScriptProgram adds the program an executable script is, named by
// its file, unless its language's reader named it already.
func withScriptProgram(facts verify.FileFacts) verify.FileFacts {
	name := path.Base(facts.Path)
	for _, p := range facts.Programs {
		if p.Name == name {
			return facts
		}
	}
	facts.Programs = append(append([]verify.Program(nil), facts.Programs...), verify.Program{Name: name, Site: verify.Site{Line: 1, Col: 1}, Via: "#! script"})
	return facts
}
