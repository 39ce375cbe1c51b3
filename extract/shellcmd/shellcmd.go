// Package shellcmd reads the commands of a shell or console snippet from a
// doc: which program each line runs, its arguments and the variables it
// sets, each with its byte offset in the snippet. It parses with
// mvdan.cc/sh, a real shell parser, and never runs anything.
//
// Doc snippets are not always valid shell: console sessions mix prompts
// and output, and placeholders like <your-token> read as redirections. The
// parser blanks prompts, output and placeholders (keeping every offset),
// and falls back to line-by-line parsing when the whole snippet fails.
package shellcmd

import (
	"regexp"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Word is one argument of a command.
type Word struct {
	// Text is the argument's value up to its first non-literal part:
	// --port=$PORT gives "--port=".
	Text   string
	Offset int  // where the value starts in the snippet (after an opening quote)
	Whole  bool // the whole argument is literal
}

// Assign is a variable a command line sets: FOO=1 cmd, export FOO=1.
type Assign struct {
	Name   string
	Offset int
	Export bool // set with export / declare -x
}

// Command is one simple command of a snippet.
type Command struct {
	Assigns []Assign
	Args    []Word // Args[0] is the program; empty for a bare assignment
	Offset  int    // where the command starts in the snippet
}

// Mode says how to read a snippet.
type Mode uint8

const (
	// Auto reads a snippet as a console session when most of its
	// non-empty lines start with a prompt, and as a script otherwise.
	Auto Mode = iota
	Script
	Console
)

// promptRE finds a shell prompt at the start of a line: "$ ", "% ", "> ",
// "user@host:~/dir$ ", "PS C:\> "; "# " is a root prompt (only in console
// mode, where a script comment cannot start a line).
// An oh-my-zsh prompt prints the directory after its arrow ("➜  ~ ",
// "➜  app git:(main) ✗ ").
var promptRE = regexp.MustCompile(`^(\s*)(➜\s+(~\S*|\S+\s+git:\([^)]*\)(\s+✗)?)\s|(\([\w.-]+\)\s*)?([\w.-]+@[\w.-]+(:[^\s$#]*)?\s?)?[$%❯➜»>]\s|PS [^>]*>\s|[A-Za-z]:\\[^>]*>\s?)`)

var rootPromptRE = regexp.MustCompile(`^(\s*)#\s`)

// placeholderRE finds <placeholder> text, which a shell parser would read
// as a redirection.
var placeholderRE = regexp.MustCompile(`<[A-Za-z_][^<>\n]{0,60}>`)

// alternativeRE finds a bar between two words with no space around it:
// "./caddy start|run --config x" in docs' notation for either subcommand.
var alternativeRE = regexp.MustCompile(`[A-Za-z0-9_-]\|[a-z][\w-]*`)

// pipeFilters are the programs a pipe written without spaces feeds
// (cat log|grep x): there the bar is a pipe still.
var pipeFilters = map[string]bool{"grep": true, "egrep": true, "sort": true, "head": true, "tail": true, "xargs": true, "tee": true,
	"less": true, "more": true, "awk": true, "sed": true, "jq": true, "yq": true, "wc": true, "cut": true, "tr": true, "uniq": true,
	"sh": true, "bash": true, "zsh": true, "sudo": true, "python": true, "python3": true, "node": true, "cat": true, "column": true}

// alternatives turns such a bar into a comma, keeping every offset, so
// that the flags after "start|run" stay the program's, not a pipe's.
func alternatives(text string) string {
	return alternativeRE.ReplaceAllStringFunc(text, func(m string) string {
		if pipeFilters[m[2:]] {
			return m
		}
		return m[:1] + "," + m[2:]
	})
}

// Parse returns the commands of a snippet.
func Parse(src string, mode Mode) []Command {
	lines := strings.SplitAfter(src, "\n")
	if mode == Auto {
		mode = guess(lines)
	}
	if mode == Console && !hasPrompt(lines) {
		mode = Script // a console block written without prompts holds commands only
	}
	// "# " is a root prompt only in a session with no other prompt; beside
	// "$ " lines it starts the comments that explain them.
	rootPrompts := mode == Console && !hasUserPrompt(lines)
	var b strings.Builder
	b.Grow(len(src))
	cont := false // the previous kept line ended in a backslash
	for _, line := range lines {
		body := strings.TrimRight(line, "\r\n")
		end := line[len(body):]
		if mode == Console {
			switch {
			case cont:
			case promptRE.MatchString(body):
				m := promptRE.FindStringSubmatchIndex(body)
				body = strings.Repeat(" ", m[1]) + body[m[1]:]
			case rootPrompts && rootPromptRE.MatchString(body):
				m := rootPromptRE.FindStringSubmatchIndex(body)
				body = strings.Repeat(" ", m[1]) + body[m[1]:]
			default:
				body = strings.Repeat(" ", len(body)) // output, not a command
			}
		}
		cont = strings.HasSuffix(strings.TrimSpace(body), `\`)
		b.WriteString(body)
		b.WriteString(end)
	}
	text := placeholderRE.ReplaceAllStringFunc(b.String(), func(s string) string {
		return strings.Repeat("_", len(s))
	})
	text = alternatives(text)
	if cmds, err := parse(text, 0); err == nil {
		return cmds
	}
	// Parse logical lines one at a time, so one bad line loses only itself.
	var out []Command
	start := 0
	for start < len(text) {
		end := logicalLineEnd(text, start)
		if cmds, err := parse(text[start:end], start); err == nil {
			out = append(out, cmds...)
		} else {
			out = append(out, fields(text[start:end], start)...)
		}
		start = end
	}
	return out
}

func hasPrompt(lines []string) bool {
	for _, l := range lines {
		if promptRE.MatchString(l) || rootPromptRE.MatchString(l) {
			return true
		}
	}
	return false
}

func hasUserPrompt(lines []string) bool {
	for _, l := range lines {
		if promptRE.MatchString(l) {
			return true
		}
	}
	return false
}

func guess(lines []string) Mode {
	prompts, other := 0, 0
	for _, l := range lines {
		l = strings.TrimRight(l, "\r\n")
		switch {
		case strings.TrimSpace(l) == "":
		case strings.HasPrefix(strings.TrimSpace(l), "#"):
			// a comment in a script or a root prompt in a session: no
			// evidence either way
		case promptRE.MatchString(l):
			prompts++
		default:
			other++
		}
		if prompts == 1 && other == 0 {
			// a session opens with a prompt: "> cal -ymq --week-start
			// monday" above the long table it prints is one
			return Console
		}
	}
	if prompts > 0 && prompts >= other/2 {
		return Console
	}
	return Script
}

func logicalLineEnd(text string, start int) int {
	i := start
	for {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return len(text)
		}
		line := strings.TrimRight(text[i:i+nl], "\r")
		i += nl + 1
		if !strings.HasSuffix(line, `\`) {
			return i
		}
	}
}

func parse(text string, base int) ([]Command, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(text), "")
	if err != nil {
		return nil, err
	}
	var out []Command
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.CallExpr:
			c := Command{Offset: base + int(n.Pos().Offset())}
			for _, a := range n.Assigns {
				if a.Name != nil {
					c.Assigns = append(c.Assigns, Assign{Name: a.Name.Value, Offset: base + int(a.Name.Pos().Offset())})
				}
			}
			for _, w := range n.Args {
				c.Args = append(c.Args, word(w, base))
			}
			out = append(out, c)
		case *syntax.DeclClause:
			if n.Variant == nil || (n.Variant.Value != "export" && n.Variant.Value != "declare") {
				return true
			}
			c := Command{Offset: base + int(n.Pos().Offset())}
			export := n.Variant.Value == "export"
			for _, a := range n.Args {
				if a.Name == nil {
					continue
				}
				if !export && a.Naked && a.Name.Value == "-x" {
					export = true
					continue
				}
				c.Assigns = append(c.Assigns, Assign{Name: a.Name.Value, Offset: base + int(a.Name.Pos().Offset()), Export: export})
			}
			out = append(out, c)
		}
		return true
	})
	return out, nil
}

// word reads an argument's literal prefix.
func word(w *syntax.Word, base int) Word {
	out := Word{Offset: base + int(w.Pos().Offset()), Whole: true}
	var b strings.Builder
	first := true
parts:
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			if first {
				out.Offset = base + int(p.Pos().Offset()) + 1
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			if first {
				out.Offset = base + int(p.Pos().Offset()) + 1
			}
			for _, q := range p.Parts {
				lit, ok := q.(*syntax.Lit)
				if !ok {
					out.Whole = false
					break parts
				}
				b.WriteString(lit.Value)
			}
		default:
			out.Whole = false
			break parts
		}
		first = false
	}
	out.Text = b.String()
	return out
}

// fields is the fallback for a line the parser rejects: split on white
// space, drop quotes, stop at a comment.
func fields(line string, base int) []Command {
	var c Command
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\\' || line[i] == '\n' || line[i] == '\r') {
			i++
		}
		if i >= len(line) || line[i] == '#' {
			break
		}
		start := i
		for i < len(line) && line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r' {
			i++
		}
		tok := line[start:i]
		off := start
		if t := strings.Trim(tok, `"'`); t != tok {
			off += strings.Index(tok, t)
			tok = t
		}
		if len(c.Args) == 0 && strings.Contains(tok, "=") && !strings.HasPrefix(tok, "-") {
			name := tok[:strings.IndexByte(tok, '=')]
			c.Assigns = append(c.Assigns, Assign{Name: name, Offset: base + off})
			continue
		}
		c.Args = append(c.Args, Word{Text: tok, Offset: base + off, Whole: true})
	}
	if len(c.Args) == 0 && len(c.Assigns) == 0 {
		return nil
	}
	c.Offset = base
	return []Command{c}
}
