package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A long run on a terminal shows docs read and files indexed, redrawn in
// place, and erases the line at the end; a short run shows nothing.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, delay: time.Millisecond, every: time.Millisecond}
	p.totals(3, 10)
	p.start()
	p.docRead()
	p.docRead()
	p.fileIndexed()
	time.Sleep(50 * time.Millisecond)
	p.end()
	out := buf.String()
	if !strings.Contains(out, "\r\x1b[Kdocverify: 2 of 3 docs read, 1 of 10 files indexed") {
		t.Errorf("no progress line in %q", out)
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("the line is not erased at the end: %q", out)
	}

	buf.Reset()
	p = &progress{w: &buf, delay: time.Hour, every: time.Hour}
	p.start()
	p.end()
	if buf.Len() != 0 {
		t.Errorf("a run shorter than the delay printed %q", buf.String())
	}
}

// Not on a terminal (a CI log, a file, a pipe), or with --quiet, there is
// no progress line at all, and a nil one does nothing.
func TestNoProgressOffTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(f, false); p != nil {
		t.Error("a regular file got a progress line")
	}
	if p := newProgress(&bytes.Buffer{}, false); p != nil {
		t.Error("a buffer got a progress line")
	}
	var p *progress
	p.totals(1, 1)
	p.start()
	p.docRead()
	p.fileIndexed()
	p.end()
}
