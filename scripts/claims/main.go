// Command claims prints what docverify's extractor reads from Markdown
// documents, one claim per line, to see why a name was or was not
// checked: go run ./scripts/claims docs/*.md
package main

import (
	"fmt"
	"os"

	"github.com/docverify/docverify/extract"
)

func main() {
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		doc, err := extract.Markdown(path, src)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
			continue
		}
		for _, c := range doc.Claims {
			fmt.Printf("%s:%d:%d\t%s\t%s\tsrc=%v cmd=%q explicit=%v owner=%q hist=%q misspell=%v term=%v block=%d\n",
				path, c.Pos.Line, c.Pos.Col, c.Kind, c.Name, c.Source, c.Command, c.Explicit, c.Owner, c.Historical, c.Misspelling, c.Term, c.Block)
		}
		for _, p := range doc.Problems {
			fmt.Printf("%s:%d:%d\tproblem\t%s\n", path, p.Pos.Line, p.Pos.Col, p.Message)
		}
	}
}
