package lang

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/docverify/docverify/verify"
)

// Compiled is a language ready to index files: its query compiled once,
// its predicates and capture dispatch prepared. It is safe for concurrent
// use; parsing state lives in a Worker.
type Compiled struct {
	Spec    *Spec
	lang    *sitter.Language
	queries []*query // the language's own, then the repository's
	calls   []CallSite
}

// query is one compiled query with its predicates and capture actions.
type query struct {
	q       *sitter.Query
	preds   [][]predicate
	actions []action // by capture id
}

// Extension is a repository's own read idioms in one language, from its
// configuration: a query with the standard captures, and calls of
// in-house functions with a literal name argument.
type Extension struct {
	Query string
	Calls []CallSite
	// Needles are strings one of which a file must contain for Query to
	// match anything; without them, every file of the language is parsed.
	Needles []string
}

// CheckQuery compiles a repository's query alone, to report its mistakes
// before any file is read. An error is a *QueryError.
func CheckQuery(s *Spec, text string) error {
	q, err := compileQuery(s, s.Grammar(), text)
	if err != nil {
		return &QueryError{Err: err, Offset: queryErrorOffset(err)}
	}
	q.q.Close()
	return nil
}

// CallSite is a function whose literal argument Arg is a name of Kind:
// flags.Enabled("new-checkout") reads a feature flag.
type CallSite struct {
	// Callee is the dotted name as written, split at dots; "*" matches any
	// one segment. It matches the end of a call's callee, so flags.Enabled
	// also matches app.flags.Enabled.
	Callee []string
	Arg    int
	Kind   verify.Kind
	Via    string // how evidence names it
}

// matches reports whether a call's callee text fits the pattern.
func (cs CallSite) matches(callee string) bool {
	segs := strings.FieldsFunc(callee, func(r rune) bool { return r == '.' || r == ':' || r == '>' || r == '-' })
	if len(segs) < len(cs.Callee) {
		return false
	}
	segs = segs[len(segs)-len(cs.Callee):]
	for i, want := range cs.Callee {
		if want != "*" && want != segs[i] {
			return false
		}
	}
	return true
}

// action is what a capture name asks the engine to do.
type action struct {
	name   string
	kind   verify.Kind // for reads and derivations
	from   verify.Kind // for derivations
	op     op
	custom Handler
}

type op uint8

const (
	opIgnore   op = iota // private captures and captures read through another
	opRead               // value expression
	opReadName           // the node's text is the name
	opReadList           // a literal of comma-separated names
	opFlagSpec
	opFlagField
	opConstName
	opLocalName
	opCallFunc
	opCallParam
	opProgram
	opEnvIterate
	opEnvPrefixTest
	opEnvPrefixLiteral
	opDerive
	opDerivePrefix
	opFlagFromNames
	opEnvFromNames
	opEnvFromNamesTemplate
	opEnvFromNamesCaller
	opCustom
)

var kindOf = map[string]verify.Kind{"env": verify.Env, "flag": verify.Flag, "config": verify.Config, "feature": verify.Feature}

// KnownCapture reports whether a capture name is part of the contract for
// the spec, and why not if it is not.
func (s *Spec) action(name string) (action, error) {
	a := action{name: name}
	if strings.HasPrefix(name, "_") {
		return a, nil
	}
	parts := strings.Split(name, ".")
	switch {
	case len(parts) >= 2 && parts[1] == "read" && kindOf[parts[0]] != 0:
		a.kind = kindOf[parts[0]]
		switch {
		case len(parts) == 2:
			a.op = opRead
		case len(parts) == 3 && parts[2] == "name":
			a.op = opReadName
		case len(parts) == 3 && parts[2] == "list":
			a.op = opReadList
		default:
			return a, fmt.Errorf("unknown capture @%s", name)
		}
	case name == "flag.spec":
		a.kind, a.op = verify.Flag, opFlagSpec
	case name == "flag.field":
		a.kind, a.op = verify.Flag, opFlagField
	case name == "flag.negatable", name == "via", name == "const.value", name == "local.value", name == "call.arg", name == "config.section":
		// read together with the other captures of their match
	case name == "const.name":
		a.op = opConstName
	case name == "local.name":
		a.op = opLocalName
	case name == "call.func":
		a.op = opCallFunc
	case name == "call.param":
		a.op = opCallParam
	case name == "program.main":
		a.op = opProgram
	case name == "env.iterate":
		a.op = opEnvIterate
	case name == "env.prefix.test":
		a.op = opEnvPrefixTest
	case name == "env.prefix.literal":
		a.op = opEnvPrefixLiteral
	case name == "flag.from-names":
		a.kind, a.op = verify.Flag, opFlagFromNames
	case name == "env.from-names.prefix":
		a.kind, a.op = verify.Env, opEnvFromNames
	case name == "env.from-names.template":
		a.kind, a.op = verify.Env, opEnvFromNamesTemplate
	case name == "env.from-names.caller":
		a.kind, a.op = verify.Env, opEnvFromNamesCaller
	case parts[0] == "derive" && (len(parts) == 3 || len(parts) == 4 && parts[3] == "prefix") && kindOf[parts[1]] != 0 && kindOf[parts[2]] != 0:
		a.kind, a.from = kindOf[parts[1]], kindOf[parts[2]]
		a.op = opDerive
		if len(parts) == 4 {
			a.op = opDerivePrefix
		}
	case s.Custom[name] != nil:
		a.op, a.custom = opCustom, s.Custom[name]
	default:
		return a, fmt.Errorf("unknown capture @%s", name)
	}
	return a, nil
}

// Compile prepares a spec; an error means the queries do not fit the
// grammar or use a capture outside the contract.
func Compile(s *Spec) (*Compiled, error) { return CompileWith(s, Extension{}) }

// CompileWith prepares a spec with a repository's extension. An error in
// the extension's query is a *QueryError.
func CompileWith(s *Spec, ext Extension) (*Compiled, error) {
	lang := s.Grammar()
	own, err := compileQuery(s, lang, s.Queries)
	if err != nil {
		return nil, fmt.Errorf("%s queries: %w", s.Name, err)
	}
	c := &Compiled{Spec: s, lang: lang, queries: []*query{own}, calls: ext.Calls}
	if ext.Query != "" {
		q, err := compileQuery(s, lang, ext.Query)
		if err != nil {
			c.Close()
			return nil, &QueryError{Err: err, Offset: queryErrorOffset(err)}
		}
		c.queries = append(c.queries, q)
	}
	return c, nil
}

// QueryError is a mistake in a repository's own query. Offset is the byte
// of the query text it was found at, -1 when unknown.
type QueryError struct {
	Err    error
	Offset int
}

func (e *QueryError) Error() string { return e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func queryErrorOffset(err error) int {
	var qe *sitter.QueryError
	if errors.As(err, &qe) {
		return int(qe.Offset)
	}
	return -1
}

func compileQuery(s *Spec, lang *sitter.Language, text string) (*query, error) {
	q, err := sitter.NewQuery([]byte(text), lang)
	if err != nil {
		return nil, err
	}
	cq := &query{q: q}
	if cq.preds, err = compilePredicates(q); err != nil {
		q.Close()
		return nil, err
	}
	for i := uint32(0); i < q.CaptureCount(); i++ {
		a, err := s.action(q.CaptureNameForId(i))
		if err != nil {
			q.Close()
			return nil, err
		}
		cq.actions = append(cq.actions, a)
	}
	return cq, nil
}

// Close frees the compiled queries.
func (c *Compiled) Close() {
	for _, q := range c.queries {
		q.q.Close()
	}
}

// Worker holds the parsing state of one goroutine: one parser per
// language and a query cursor. It is not safe for concurrent use.
type Worker struct {
	parsers map[*Compiled]*sitter.Parser
	cursor  *sitter.QueryCursor
	// Timeout bounds the time one file may take, parse and queries
	// together; 0 means DefaultFileTimeout, a negative value no bound.
	Timeout time.Duration
}

// DefaultFileTimeout is far above any ordinary file (the largest source
// files of the repositories measured take well under a second) and far
// below what a crafted one could cost.
const DefaultFileTimeout = 10 * time.Second

// ErrFileTimeout is a file that took longer than its time to read.
var ErrFileTimeout = errors.New("took longer than the time one file may take")

// NewWorker makes the state for one goroutine; Close frees it.
func NewWorker() *Worker {
	return &Worker{parsers: map[*Compiled]*sitter.Parser{}, cursor: sitter.NewQueryCursor()}
}

// Close frees the worker's parsers and cursor.
func (w *Worker) Close() {
	for _, p := range w.parsers {
		p.Close()
	}
	w.cursor.Close()
}

// Facts parses one file and returns what it reads.
func (w *Worker) Facts(ctx context.Context, c *Compiled, path string, src []byte, proj Project) (verify.FileFacts, error) {
	facts := verify.FileFacts{Path: path, Lang: c.Spec.Name}
	if c.Spec.IsTest != nil {
		facts.Test = c.Spec.IsTest(path)
	}
	p := w.parsers[c]
	if p == nil {
		p = sitter.NewParser()
		p.SetLanguage(c.lang)
		w.parsers[c] = p
	}
	timeout := w.Timeout
	if timeout == 0 {
		timeout = DefaultFileTimeout
	}
	// tree-sitter's own limit stops the parse; the queries check the
	// clock between matches. (A context with a deadline would race: the
	// binding may set the parser's cancellation flag after the parse
	// returns, failing the next file's.)
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
		p.SetOperationLimit(max(1, int(timeout.Microseconds())))
	} else {
		p.SetOperationLimit(0)
	}
	late := func() bool { return !deadline.IsZero() && time.Now().After(deadline) }
	tooLong := fmt.Errorf("%w (%s, --file-timeout); its facts are left out", ErrFileTimeout, timeout)
	tree, err := p.ParseCtx(ctx, nil, src)
	if err != nil {
		// a parse that stopped resumes on the next call unless reset,
		// and the next call is another file's
		p.Reset()
		if errors.Is(err, sitter.ErrOperationLimit) && timeout > 0 {
			return facts, tooLong
		}
		return facts, fmt.Errorf("parsing: %w", err)
	}
	defer tree.Close()
	f := &File{Path: path, Src: src, Facts: &facts, spec: c.Spec, proj: proj, calls: c.calls, locals: map[localKey][]Part{}}
	if tree.RootNode().HasError() {
		facts.Problems = append(facts.Problems, "the parser found syntax errors; facts come from the parts it could read")
	}
	// Run each query once, then read constants before anything that may
	// refer to them, wherever in the file they are declared.
	type match struct {
		q        *query
		captures []sitter.QueryCapture
	}
	var matches []match
	n := 0
	for _, q := range c.queries {
		w.cursor.Exec(q.q, tree.RootNode())
		for {
			m, ok := w.cursor.NextMatch()
			if !ok {
				break
			}
			if n++; n%256 == 0 && late() {
				return facts, tooLong
			}
			if !holds(q.preds[m.PatternIndex], m, src) {
				continue
			}
			matches = append(matches, match{q, append([]sitter.QueryCapture(nil), m.Captures...)})
		}
	}
	for _, m := range matches {
		f.constants(m.q, m.captures)
	}
	for i, m := range matches {
		if i%256 == 255 && late() {
			return facts, tooLong
		}
		f.match(m.q, m.captures)
	}
	f.finish()
	if late() {
		return facts, tooLong
	}
	return facts, nil
}

// capture returns the first node of a match captured under name.
func capture(c *query, caps []sitter.QueryCapture, name string) *sitter.Node {
	for _, cp := range caps {
		if c.actions[cp.Index].name == name {
			return cp.Node
		}
	}
	return nil
}
