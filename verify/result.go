package verify

// Evidence is one place in the code that bears on a claim.
type Evidence struct {
	Pos      Pos
	Name     string // the name at that place, which may differ from the claim's (a derived name's source key)
	Via      string // the idiom: "os.Getenv", "struct tag yaml", "mentioned"
	Strength Strength
	// InCode marks a mention in a source file of an indexed language, not
	// in a data, config or build file.
	InCode bool `json:",omitempty"`
}

// Result is the verdict on one claim, with the evidence behind it.
type Result struct {
	Claim    Claim
	Status   Status
	Reason   string     // why, in words, for every status but Verified
	Evidence []Evidence // the read sites, mentions or name-building sites found
	Nearest  *Evidence  // the closest real name, for names that were not found
	// NearDocumented marks a Nearest that the docs give too and the code
	// has (nearDocumented): a name of the repository, not any word of its code.
	NearDocumented bool `json:",omitempty"`
	// Ownership is the evidence of whose name a missing claim is
	// (ownership.go); it decides between a warning and "unowned".
	Ownership []Ownership
	// Removed holds the read sites an earlier version of the code had for
	// the claim (pull-request mode), and Since names that version.
	Removed []Evidence
	Since   string
}

// Finding is what a reporter shows: a rule that a claim (or a file) broke.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Pos      Pos
	Kind     Kind   // KindUnknown for file-level findings
	Name     string // the claimed name as displayed, "" for file-level findings
	Message  string
	// Suggestion is the nearest real name, "" if none is close.
	Suggestion string
	// Related are code positions worth showing: evidence or the suggestion's site.
	Related []Evidence
	// Ownership is the evidence weighed of whose name a missing one is.
	Ownership []Ownership
	// Searched says what was looked through for a missing name ("env
	// reads in 40 source files and the text of 52 files"): kept out of
	// the message, which stays one short line, and given by the formats
	// that have room for it (JSON, SARIF, text with --verbose).
	Searched string
}
