// Package lsp is docverify's language server. An editor sends the
// Markdown it has open, as the user types, and gets docverify's findings
// back as diagnostics, with quick fixes that replace a misspelt name with
// the real one or add a suppression comment with a reason. Checking is the
// Checker's job; this package speaks the protocol and decides when to
// check: after a pause in typing, on save, and for every open doc when a
// source file changes.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/docverify/docverify/cmd/docverify/internal/workspace"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/report"
)

// Checker checks one doc whose current text may not be saved.
type Checker interface {
	// Check checks the doc at path (absolute) with the given text against
	// the code of the repository that holds it.
	Check(ctx context.Context, path string, text []byte) (Result, error)
}

// Result is what a check found in one doc.
type Result struct {
	Root     string           // the repository's root, absolute
	Findings []verify.Finding // the doc's own, positions relative to Root
}

// Options tune the server.
type Options struct {
	// Delay is how long after a change the doc is checked: a check per
	// keystroke would queue work the next keystroke makes stale.
	Delay   time.Duration
	Version string
	// MinSeverity leaves out findings below it, as --min-severity does.
	MinSeverity verify.Severity
}

// Serve answers one client on rwc until it exits or ctx ends. It returns
// an error when the client exits without asking to shut down first, which
// the protocol says is a failure.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, c Checker, o Options) error {
	s := &server{checker: c, opts: o, docs: map[string]*document{}, checks: make(chan struct{}, 1)}
	// One handler call at a time, in order: a change must not overtake
	// the open it follows. Checks run on their own goroutines.
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}), s)
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.stop()
	}
	if !s.shutdown {
		return errors.New("the client left without a shutdown request")
	}
	return nil
}

type server struct {
	checker Checker
	opts    Options
	// checks lets one check run at a time: each may parse the repository,
	// and two at once would only share the cores.
	checks chan struct{}

	mu       sync.Mutex
	conn     *jsonrpc2.Conn       // set by the first message
	docs     map[string]*document // open Markdown docs by URI
	shutdown bool
	watch    bool // the client can watch files for us
}

// client is the connection to the editor.
func (s *server) client() *jsonrpc2.Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn
}

// watchFiles asks the client to say when any file changes: the editor
// tells a Markdown server only of Markdown buffers, and a source file
// saved elsewhere changes what the open docs' names resolve to.
func (s *server) watchFiles() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reg := map[string]any{"registrations": []map[string]any{{
		"id": "docverify-watch", "method": "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": []map[string]any{{"globPattern": "**/*"}}},
	}}}
	_ = s.client().Call(ctx, "client/registerCapability", reg, nil)
}

// document is one open doc and the state of its latest check.
type document struct {
	uri, path string
	version   int
	text      []byte
	gen       int // bumped by every change; a check of an older text is dropped
	timer     *time.Timer
	cancel    context.CancelFunc
}

func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.cancel != nil {
		d.cancel()
	}
}

// Handle is called by the connection for each message, in order.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	// the connection starts reading before NewConn returns it to Serve
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	result, err := s.handle(ctx, req)
	if req.Notif {
		return
	}
	if err != nil {
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) {
			rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
		}
		_ = conn.ReplyWithError(ctx, req.ID, rpcErr)
		return
	}
	_ = conn.Reply(ctx, req.ID, result)
}

func (s *server) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "initialize":
		var p InitializeParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		s.mu.Unlock()
		var caps ServerCapabilities
		caps.PositionEncoding = "utf-16"
		caps.TextDocumentSync.OpenClose = true
		caps.TextDocumentSync.Change = 1
		caps.CodeActionProvider.CodeActionKinds = []string{"quickfix"}
		return InitializeResult{Capabilities: caps, ServerInfo: ServerInfo{Name: "docverify", Version: s.opts.Version}}, nil
	case "initialized":
		s.mu.Lock()
		watch := s.watch
		s.mu.Unlock()
		if watch {
			// A request of our own waits for its answer, which this
			// handler's connection reads only after the handler returns.
			go s.watchFiles()
		}
		return nil, nil
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "exit":
		go s.client().Close() // after this handler returns
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.open(p.TextDocument)
		return nil, nil
	case "textDocument/didChange":
		var p DidChangeParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		if n := len(p.ContentChanges); n > 0 && p.ContentChanges[n-1].Range == nil {
			s.change(p.TextDocument.URI, p.TextDocument.Version, []byte(p.ContentChanges[n-1].Text))
		}
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.saved(p.TextDocument.URI)
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		s.close(ctx, p.TextDocument.URI)
		return nil, nil
	case "workspace/didChangeWatchedFiles":
		s.recheckAll()
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := params(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "docverify does not handle " + req.Method}
}

func params(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + " needs params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return nil
}

func (s *server) open(item TextDocumentItem) {
	path, err := uriPath(item.URI)
	if err != nil || !isDoc(item.LanguageID, path) {
		return // a source file the editor has open: its saves are watched
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &document{uri: item.URI, path: path, version: item.Version, text: []byte(item.Text)}
	if old := s.docs[item.URI]; old != nil {
		old.stop()
	}
	s.docs[item.URI] = d
	s.schedule(d, 0)
}

func (s *server) change(uri string, version int, text []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	d.version, d.text = version, text
	s.schedule(d, s.opts.Delay)
}

// saved checks a saved doc now; a saved source file may change what every
// open doc's names resolve to.
func (s *server) saved(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		s.schedule(d, 0)
	}
	s.mu.Unlock()
	if d == nil {
		s.recheckAll()
	}
}

// recheckAll checks every open doc after the pause a change waits for, so
// a burst of file events (a branch switch) costs one check a doc.
func (s *server) recheckAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		s.schedule(d, s.opts.Delay)
	}
}

func (s *server) close(ctx context.Context, uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil {
		d.stop()
		delete(s.docs, uri)
	}
	s.mu.Unlock()
	if d != nil {
		_ = s.client().Notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// schedule starts a check of d after delay, dropping any check of an
// older text. s.mu is held.
func (s *server) schedule(d *document, delay time.Duration) {
	d.stop()
	d.gen++
	gen, text, version := d.gen, d.text, d.version
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.timer = time.AfterFunc(delay, func() { s.check(ctx, d, gen, version, text) })
}

func (s *server) check(ctx context.Context, d *document, gen, version int, text []byte) {
	select {
	case s.checks <- struct{}{}:
		defer func() { <-s.checks }()
	case <-ctx.Done():
		return
	}
	if ctx.Err() != nil {
		return
	}
	res, err := s.checker.Check(ctx, d.path, text)
	var diags []Diagnostic
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		// a doc docverify cannot check says so where the user looks
		diags = []Diagnostic{{Severity: SeverityWarning, Source: "docverify", Message: "docverify could not check this doc: " + report.Clean(err.Error())}}
	}
	s.mu.Lock()
	if d.gen != gen || s.docs[d.uri] != d {
		s.mu.Unlock()
		return // the text changed or the doc closed while this ran
	}
	var kept []verify.Finding
	for _, f := range res.Findings {
		if f.Severity >= s.opts.MinSeverity {
			kept = append(kept, f)
		}
	}
	if err == nil {
		diags = diagnostics(res.Root, kept, text)
	}
	conn := s.conn
	s.mu.Unlock()
	v := version
	_ = conn.Notify(context.Background(), "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
}

// isDoc is whether an open file is one docverify checks: Markdown by the
// editor's language or by docverify's own extensions.
func isDoc(languageID, path string) bool {
	switch languageID {
	case "markdown", "mdx":
		return true
	}
	return workspace.IsDoc(path)
}

// uriPath is the file a file: URI names.
func uriPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("%s is not a file on disk", uri)
	}
	return filepath.FromSlash(u.Path), nil
}

// pathURI is the file: URI of an absolute path.
func pathURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// severity is a finding's severity as the protocol numbers it.
func severity(s verify.Severity) int {
	switch {
	case s >= verify.Error:
		return SeverityError
	case s >= verify.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}

// diagnostics turns findings into diagnostics on text, the buffer they
// were found in.
func diagnostics(root string, fs []verify.Finding, text []byte) []Diagnostic {
	lines := strings.Split(string(text), "\n")
	out := []Diagnostic{}
	for _, f := range fs {
		msg := f.Message
		if f.Searched != "" {
			msg += " (searched " + f.Searched + ")"
		}
		d := Diagnostic{
			Range:    nameRange(lines, f),
			Severity: severity(f.Severity),
			Source:   "docverify",
			Message:  report.Clean(msg),
		}
		if f.Rule != nil {
			d.Code = f.Rule.ID
			d.CodeDescription = &CodeDescription{Href: report.HelpURI(f.Rule)}
		}
		if f.Name != "" {
			d.Data = &DiagnosticData{Name: f.Name, Kind: f.Kind.String(), Suggestion: f.Suggestion}
		}
		for _, e := range f.Related {
			if e.Pos.File == "" {
				continue
			}
			line, col := max(e.Pos.Line-1, 0), max(e.Pos.Col-1, 0)
			d.RelatedInformation = append(d.RelatedInformation, RelatedInformation{
				Location: Location{URI: pathURI(filepath.Join(root, filepath.FromSlash(e.Pos.File))), Range: Range{Start: Position{line, col}, End: Position{line, col}}},
				Message:  report.Clean(strings.TrimSpace(e.Name + " (" + e.Via + ")")),
			})
		}
		out = append(out, d)
	}
	return out
}
