package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/docverify/docverify/cmd/docverify/internal/lsp"
)

// lspClient is an editor's side of the protocol, for the tests: it
// sends requests and keeps the diagnostics the server publishes.
type lspClient struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	diags chan lsp.PublishDiagnosticsParams
	// watches are the file-watch registrations the server asked for
	watches chan string
}

func (c *lspClient) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Method == "client/registerCapability" {
		c.watches <- string(*req.Params)
		_ = conn.Reply(ctx, req.ID, nil)
		return
	}
	if req.Method == "textDocument/publishDiagnostics" {
		var p lsp.PublishDiagnosticsParams
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags <- p
	}
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// next waits for the diagnostics of the doc at version.
func (c *lspClient) next(uri string, version int) []lsp.Diagnostic {
	c.t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && p.Version != nil && *p.Version == version {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// startLSP runs "docverify lsp" in-process on pipes, as an editor starts
// it, and returns the client's end and the command's exit code to come.
func startLSP(t *testing.T, args ...string) (*lspClient, <-chan int) {
	t.Helper()
	toServer, fromClient := io.Pipe()
	toClient, fromServer := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		code := run(context.Background(), append([]string{"lsp"}, args...), toServer, fromServer, io.Discard)
		fromServer.Close()
		exit <- code
	}()
	c := &lspClient{t: t, diags: make(chan lsp.PublishDiagnosticsParams, 16), watches: make(chan string, 1)}
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(struct {
		io.Reader
		io.Writer
		io.Closer
	}{toClient, fromClient, fromClient}, jsonrpc2.VSCodeObjectCodec{}), c)
	t.Cleanup(func() { c.conn.Close() })
	return c, exit
}

func uriOf(path string) string { return "file://" + filepath.ToSlash(path) }

// TestLanguageServer drives "docverify lsp" as an editor does: open a doc
// with a misspelt variable, apply the quick fix, type a new phantom, then
// add the code that reads it and see the diagnostic go.
func TestLanguageServer(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Mkdir(filepath.Join(root, ".git"), 0o755))
	must(os.Mkdir(filepath.Join(root, "docs"), 0o755))
	mainGo := filepath.Join(root, "main.go")
	must(os.WriteFile(mainGo, []byte("package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"FEED_MODE\")\n}\n"), 0o644))
	doc := filepath.Join(root, "docs", "runbook.md")
	saved := "# Runbook\n\nSet `FEED_MODE` to pick the feed.\n"
	must(os.WriteFile(doc, []byte(saved), 0o644))
	uri := uriOf(doc)

	c, exit := startLSP(t, "--no-cache", "--delay", "10ms")
	var init lsp.InitializeResult
	watching := map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": uriOf(root), "capabilities": watching}, &init)
	if init.Capabilities.TextDocumentSync.Change != 1 || len(init.Capabilities.CodeActionProvider.CodeActionKinds) == 0 || init.ServerInfo.Name != "docverify" {
		t.Fatalf("capabilities: %+v", init)
	}
	c.notify("initialized", map[string]any{})
	// the editor tells a Markdown server of Markdown buffers only, so the
	// server asks to hear of every file that changes
	select {
	case reg := <-c.watches:
		if !strings.Contains(reg, `"workspace/didChangeWatchedFiles"`) || !strings.Contains(reg, `"**/*"`) {
			t.Errorf("registration %s", reg)
		}
	case <-time.After(10 * time.Second):
		t.Error("the server did not ask to watch files")
	}

	// The unsaved buffer has a typo; the file on disk does not.
	text := "# Runbook\n\nSet `FEED_MODEE` to pick the feed.\n"
	c.notify("textDocument/didOpen", lsp.DidOpenParams{TextDocument: lsp.TextDocumentItem{URI: uri, LanguageID: "markdown", Version: 1, Text: text}})
	diags := c.next(uri, 1)
	if len(diags) != 1 {
		t.Fatalf("version 1: want one diagnostic, got %+v", diags)
	}
	d := diags[0]
	if want := (lsp.Range{Start: lsp.Position{Line: 2, Character: 5}, End: lsp.Position{Line: 2, Character: 15}}); d.Range != want {
		t.Errorf("range %+v, want %+v (the name, zero-based, in UTF-16 units)", d.Range, want)
	}
	if d.Severity != lsp.SeverityWarning || d.Code != "DV1002" || d.Source != "docverify" || d.Data == nil || d.Data.Suggestion != "FEED_MODE" {
		t.Errorf("diagnostic %+v %+v", d, d.Data)
	}
	if !strings.Contains(d.Message, "FEED_MODEE") || len(d.RelatedInformation) == 0 || d.RelatedInformation[0].Location.URI != uriOf(mainGo) || d.RelatedInformation[0].Location.Range.Start.Line != 5 {
		t.Errorf("message %q, related %+v: want the real name's read site main.go:6", d.Message, d.RelatedInformation)
	}

	// The quick fixes: the real name, and a suppression above the block.
	var actions []lsp.CodeAction
	ap := lsp.CodeActionParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}, Range: d.Range}
	ap.Context.Diagnostics = diags
	c.call("textDocument/codeAction", ap, &actions)
	if len(actions) != 2 {
		t.Fatalf("want a replacement and a suppression, got %+v", actions)
	}
	fix := actions[0].Edit.Changes[uri]
	if !actions[0].IsPreferred || len(fix) != 1 || fix[0].NewText != "FEED_MODE" || fix[0].Range != d.Range {
		t.Errorf("replacement: %+v", actions[0])
	}
	sup := actions[1].Edit.Changes[uri]
	if len(sup) != 1 || sup[0].Range.Start != (lsp.Position{Line: 2}) || sup[0].NewText != "<!-- docverify-disable-next-line FEED_MODEE -- TODO: say why this is not drift -->\n" {
		t.Errorf("suppression: %+v", actions[1])
	}

	// Applying the fix clears the diagnostic.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": saved}},
	})
	if diags := c.next(uri, 2); len(diags) != 0 {
		t.Errorf("after the fix: %+v", diags)
	}

	// A new kill switch the code does not have is an error...
	withSwitch := saved + "\nTo stop the feed in an outage, set the kill switch `FEED_PAUSE=1`.\n"
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 3},
		"contentChanges": []map[string]any{{"text": withSwitch}},
	})
	if diags := c.next(uri, 3); len(diags) != 1 || diags[0].Severity != lsp.SeverityError || diags[0].Data.Name != "FEED_PAUSE" {
		t.Fatalf("a phantom kill switch: %+v", diags)
	}
	// ...until the code reads it: a saved source file rechecks open docs.
	must(os.WriteFile(mainGo, []byte("package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"FEED_MODE\")\n\t_ = os.Getenv(\"FEED_PAUSE\")\n}\n"), 0o644))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": uriOf(mainGo), "type": 2}}})
	if diags := c.next(uri, 3); len(diags) != 0 {
		t.Errorf("after the code reads FEED_PAUSE: %+v", diags)
	}

	// Closing clears the doc's diagnostics; shutdown and exit end the server.
	c.notify("textDocument/didClose", lsp.DidCloseParams{TextDocument: lsp.TextDocumentIdentifier{URI: uri}})
	select {
	case p := <-c.diags:
		if p.URI != uri || len(p.Diagnostics) != 0 {
			t.Errorf("on close: %+v", p)
		}
	case <-time.After(10 * time.Second):
		t.Error("no empty diagnostics on close")
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit code %d after shutdown and exit", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}
