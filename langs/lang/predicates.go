package lang

import (
	"fmt"
	"regexp"

	sitter "github.com/smacker/go-tree-sitter"
)

// predicate is a compiled #eq?, #not-eq?, #match?, #not-match? or
// #any-of? of a query pattern. The binding's own FilterPredicates compiles
// regular expressions on every match; these are compiled once.
type predicate struct {
	op      string
	capture uint32
	values  map[string]bool
	re      *regexp.Regexp
	other   uint32 // for #eq? @a @b
	pair    bool
}

func compilePredicates(q *sitter.Query) ([][]predicate, error) {
	out := make([][]predicate, q.PatternCount())
	for i := range out {
		for _, steps := range q.PredicatesForPattern(uint32(i)) {
			if n := len(steps); n > 0 && steps[n-1].Type == sitter.QueryPredicateStepTypeDone {
				steps = steps[:n-1]
			}
			if len(steps) < 2 || steps[0].Type != sitter.QueryPredicateStepTypeString {
				continue
			}
			op := q.StringValueForId(steps[0].ValueId)
			if steps[1].Type != sitter.QueryPredicateStepTypeCapture {
				return nil, fmt.Errorf("pattern %d: #%s needs a capture first", i, op)
			}
			p := predicate{op: op, capture: steps[1].ValueId}
			args := steps[2:]
			switch op {
			case "eq?", "not-eq?":
				if len(args) != 1 {
					return nil, fmt.Errorf("pattern %d: #%s takes two arguments", i, op)
				}
				if args[0].Type == sitter.QueryPredicateStepTypeCapture {
					p.pair, p.other = true, args[0].ValueId
				} else {
					p.values = map[string]bool{q.StringValueForId(args[0].ValueId): true}
				}
			case "any-of?":
				p.values = map[string]bool{}
				for _, a := range args {
					p.values[q.StringValueForId(a.ValueId)] = true
				}
			case "match?", "not-match?":
				if len(args) != 1 {
					return nil, fmt.Errorf("pattern %d: #%s takes two arguments", i, op)
				}
				re, err := regexp.Compile(q.StringValueForId(args[0].ValueId))
				if err != nil {
					return nil, fmt.Errorf("pattern %d: #%s: %w", i, op, err)
				}
				p.re = re
			default:
				return nil, fmt.Errorf("pattern %d: unknown predicate #%s", i, op)
			}
			out[i] = append(out[i], p)
		}
	}
	return out, nil
}

// holds reports whether every predicate of a pattern holds for a match.
func holds(preds []predicate, m *sitter.QueryMatch, src []byte) bool {
	for _, p := range preds {
		for _, c := range m.Captures {
			if c.Index != p.capture {
				continue
			}
			text := c.Node.Content(src)
			var ok bool
			switch p.op {
			case "eq?", "not-eq?":
				if p.pair {
					ok = false
					for _, o := range m.Captures {
						if o.Index == p.other && o.Node.Content(src) == text {
							ok = true
						}
					}
				} else {
					ok = p.values[text]
				}
				if p.op == "not-eq?" {
					ok = !ok
				}
			case "any-of?":
				ok = p.values[text]
			case "match?":
				ok = p.re.MatchString(text)
			case "not-match?":
				ok = !p.re.MatchString(text)
			}
			if !ok {
				return false
			}
		}
	}
	return true
}
