package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
)

// progress is the line a long run keeps up to date on a terminal's
// standard error: docs read and files indexed, of their totals. It stays
// silent for the first second (an editor's save or a small repository
// never sees it), and it erases itself when the run ends, so what the run
// prints after is all that stays on the screen.
type progress struct {
	w                     io.Writer
	docs, docsTotal       atomic.Int64
	indexed, indexedTotal atomic.Int64
	stop                  chan struct{}
	done                  sync.WaitGroup
	// delay is how long a run goes before the line appears, every how
	// often it is redrawn then
	delay, every time.Duration
}

// newProgress returns a progress line on w, or nil (which does nothing)
// when w is not a terminal or quiet is set.
func newProgress(w io.Writer, quiet bool) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !(isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return nil
	}
	return &progress{w: w, delay: time.Second, every: 200 * time.Millisecond}
}

// start begins redrawing the line after the first second.
func (p *progress) start() {
	if p == nil {
		return
	}
	p.stop = make(chan struct{})
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		drawn := false
		timer := time.NewTimer(p.delay)
		defer timer.Stop()
		for {
			select {
			case <-p.stop:
				if drawn {
					fmt.Fprint(p.w, "\r\x1b[K")
				}
				return
			case <-timer.C:
				fmt.Fprintf(p.w, "\r\x1b[Kdocverify: %d of %d docs read, %d of %d files indexed",
					p.docs.Load(), p.docsTotal.Load(), p.indexed.Load(), p.indexedTotal.Load())
				drawn = true
				timer.Reset(p.every)
			}
		}
	}()
}

// end erases the line; the run's own output follows.
func (p *progress) end() {
	if p == nil || p.stop == nil {
		return
	}
	close(p.stop)
	p.done.Wait()
	p.stop = nil
}

// docRead and fileIndexed count one more of each; both are safe from any
// goroutine and do nothing on a nil progress.
func (p *progress) docRead() {
	if p != nil {
		p.docs.Add(1)
	}
}

func (p *progress) fileIndexed() {
	if p != nil {
		p.indexed.Add(1)
	}
}

// totals starts the counts of a check over: report --since runs two.
func (p *progress) totals(docs, files int) {
	if p != nil {
		p.docs.Store(0)
		p.indexed.Store(0)
		p.docsTotal.Store(int64(docs))
		p.indexedTotal.Store(int64(files))
	}
}
