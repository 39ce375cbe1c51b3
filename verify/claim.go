package verify

import "fmt"

// Source says which part of a Markdown document a claim came from.
type Source uint8

const (
	SourceUnknown Source = iota
	InlineCode           // `FOO_BAR` in running text
	ShellBlock           // a shell or console snippet, or a shell command in inline code
	EnvBlock             // a .env / dotenv snippet
	ConfigBlock          // a YAML, TOML, JSON, INI or properties snippet
	Table                // a cell of a configuration or options table
	Prose                // plain text with unambiguous wording ("set FOO=1")
)

var sourceNames = [...]string{SourceUnknown: "unknown", InlineCode: "inline-code", ShellBlock: "shell", EnvBlock: "env-block", ConfigBlock: "config-block", Table: "table", Prose: "prose"}

func (s Source) String() string {
	if int(s) < len(sourceNames) {
		return sourceNames[s]
	}
	return fmt.Sprintf("Source(%d)", s)
}

func (s Source) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Claim is a name that the docs present as existing.
type Claim struct {
	Kind Kind
	// Name is the canonical name: flags without their leading dashes,
	// environment variables without $ or ${}, config keys dotted.
	Name string
	// Text is the name exactly as the doc writes it ("--dry-run", "$TOKEN").
	Text string
	// Pos is the position of the name itself.
	Pos    Pos
	Source Source
	// Command is the program a shell line runs ("docker", "./bin/app",
	// "myapp"), for flags and variables found on a command line; "" otherwise.
	Command string
	// Plugin is the program a command's subcommand names by the plugin
	// convention of cargo, git, kubectl and gh ("cargo nextest" runs
	// cargo-nextest), "" if none: when it is this repository's, so are
	// the flags.
	Plugin string `json:",omitempty"`
	// Explicit is set when the context states the kind ("the X environment
	// variable", FOO=1 assignment syntax, an "Environment variable" table
	// column). A claim recognised only by the shape of the name is not
	// explicit, and a missing one is reported at a lower severity.
	Explicit bool
	// Safety is the word or phrase of the context that presents the name as a
	// safety mechanism ("kill switch", "dry run", "disable"), "" if none.
	Safety string
	// SafetyFromName marks a safety cue that only the name carries
	// (DISABLE_AUTO_TITLE), not its sentence or section: weaker evidence
	// that the docs promise a safety mechanism of this repository.
	SafetyFromName bool
	// SafetyStated is the cue of the sentence or heading alone, "" if only
	// the name carries one: the one to fall back on when Safety turns out
	// to be a word of another meaning (GUARD_…, where guard is a program).
	SafetyStated string `json:",omitempty"`
	// SafetyWhere says what carries the cue, for messages: "sentence",
	// "section and name", "name" or "section".
	SafetyWhere string `json:",omitempty"`
	// Historical is the phrase that says the name was removed or renamed
	// ("was renamed to"), "" if none: the doc does not claim it exists.
	Historical string
	// Deprecated is the phrase that calls the name deprecated, "" if none.
	// A deprecated name still works, so it is still a claim; one the code
	// lacks is stale docs of a removal, a warning at most.
	Deprecated string
	// Edition is the paid edition the page or section is badged for
	// ("Enterprise"), "" if none: the settings of an open-core product's
	// closed part are documented beside the open code that lacks them.
	Edition string `json:",omitempty"`
	// Image is the container image a docker run line passes the variable
	// to (-e API_KEY=... datadog/docker-dd-agent), "" if none; Command is
	// then the image's program.
	Image string `json:",omitempty"`
	// Owner is another program that the context attributes the name to
	// ("docker" in "docker's --rm"), "" if none.
	Owner string
	// SuppressedBy is the docverify-disable comment that covers the
	// claim, nil if none.
	SuppressedBy *Directive
	// Context is the sentence, list item, table row or snippet line that
	// holds the claim, whitespace-folded, for messages and ownership checks.
	Context string
	// Misspelling marks a bare identifier the docs give no kind to
	// ("files smaller than `assetInlineLimit`"). It is judged only as a
	// possible misspelling of a name the docs name elsewhere and the code
	// has; otherwise it is no claim at all.
	Misspelling bool
	// Term marks a name that opens a list item, the term a definition
	// list defines ("- `checkThrowsDocblock=[bool]`<br /> When true…"):
	// when the other terms of its list are the code's names, a bare
	// identifier there is one of them too, not a stray word.
	Term bool
	// Block and Section place the claim among its siblings: the ordinal of
	// the document's top-level block that holds it (a paragraph, list,
	// table or snippet) and of the heading that opens its section (0
	// before the first heading). What the code says of a claim's siblings
	// is evidence of whose names they are (see ownership.go).
	Block, Section int
}

// Display is the name as a message shows it: flags with their dashes.
func (c Claim) Display() string { return DisplayName(c.Kind, c.Name) }

// DisplayName renders a canonical name of the given kind for messages.
func DisplayName(k Kind, name string) string {
	if k == Flag {
		return "--" + name
	}
	return name
}
