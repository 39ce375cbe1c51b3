// Package names decides whether a token written in a doc has the shape of
// an environment variable, flag or config key, and rejects tokens that are
// not names at all: placeholders, HTTP and RPC status names, SQL, file
// names, CSS custom properties.
package names

import (
	"regexp"
	"strings"
)

// Shape is what a token looks like, before its context is considered.
type Shape uint8

const (
	None       Shape = iota
	UpperSnake       // DATABASE_URL: an env var, or a constant of some kind
	UpperWord        // PORT: an env var only if the context says so
	LongFlag         // --dry-run
	SingleDash       // -dry-run: Go's flag package style, or short flags run together
	Dotted           // retry.max_attempts
	LowerWord        // new-checkout, max_attempts, maxAttempts
	SectionEnv       // Payments__MaxRetries: .NET's env form of a config path
	PascalWord       // OrdersReports: a feature flag only if the context says so
)

var (
	upperSnakeRE = regexp.MustCompile(`^_{0,2}[A-Z][A-Z0-9]*(_+[A-Z0-9]+)+$`) // _ZO_DATA_DIR: a leading underscore marks a private variable
	upperWordRE  = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,}$`)
	longFlagRE   = regexp.MustCompile(`^--[a-zA-Z][a-zA-Z0-9_.-]*$`) // --09-30 in sample output is a date
	singleDashRE = regexp.MustCompile(`^-[a-z][a-z0-9_-]+$`)         // -HI, -vP, -Eexample, -DscanSet are short flags and values run together
	dottedRE     = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_-]*(\.[a-zA-Z0-9_-]+)+$`)
	lowerWordRE  = regexp.MustCompile(`^[a-z][a-z0-9]*([-_][a-z0-9]+|[A-Z][a-z0-9]*)+$`)
	sectionEnvRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*(__[A-Za-z0-9]+(_[A-Za-z0-9]+)*)+$`)
	pascalWordRE = regexp.MustCompile(`^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$`)
)

// Of gives the shape of a bare token (no $, no =value).
func Of(tok string) Shape {
	switch {
	case upperSnakeRE.MatchString(tok):
		return UpperSnake
	case upperWordRE.MatchString(tok):
		return UpperWord
	case longFlagRE.MatchString(tok):
		return LongFlag
	case singleDashRE.MatchString(tok):
		return SingleDash
	case dottedRE.MatchString(tok):
		return Dotted
	case lowerWordRE.MatchString(tok):
		if lettersRun(tok) {
			return None
		}
		return LowerWord
	case sectionEnvRE.MatchString(tok):
		return SectionEnv
	case pascalWordRE.MatchString(tok):
		return PascalWord
	}
	return None
}

// humpRE finds the humps of a camelCase token after its first word.
var humpRE = regexp.MustCompile(`[A-Z]+[a-z0-9]*`) // an acronym is one hump: enableHTTP2

// lettersRun reports whether a camelCase token is a run of letters rather
// than words: printf's conversion letters (diouxXeEfFgGcrs), a random
// string. Names are words; three or more humps of one or two
// letters, making up most of them, are not.
func lettersRun(tok string) bool {
	if strings.ContainsAny(tok, "-_") {
		return false
	}
	humps := humpRE.FindAllString(tok, -1)
	short := 0
	for _, h := range humps {
		if len(h) <= 2 {
			short++
		}
	}
	return short >= 3 && 2*short > len(humps)
}

// placeholderRE finds the usual ways of writing "put your own value here",
// and the names of naming styles ("env vars use `UPPER_SNAKE_CASE`"),
// which stand for every name of that style.
var placeholderRE = regexp.MustCompile(`^((UPPER|SCREAMING)_)?SNAKE_CASE$|^(CONSTANT|MACRO|COBOL|UPPER|KEBAB|CAMEL)_CASE$|^(YOUR|MY|SOME)_|_(HERE|GOES_HERE|PLACEHOLDER)$|^(X{2,}|CHANGE_?ME|REPLACE_?ME|TODO|TBD|FIXME|EXAMPLE|SAMPLE)(_|$)|^(FOO|BAR|BAZ|QUX)(_(FOO|BAR|BAZ|QUX))*$|^(OPTION|KEY|VALUE|NAME|SETTING|PARAM|ARG|VAR|VARIABLE|FIELD|ITEM|ENV|FLAG|FEATURE)[_-]?[0-9]+$|^(KEY|VAR|ENV|VARIABLE|SETTING|FLAG)_?NAME$|^((ENV|SOME|MY|YOUR)_?)?VAR(IABLE)?$|^(ENVIRONMENT_)?VARIABLES?$|^(NON_?EXISTENT|DOES_NOT_EXIST|NOT_SET|UNDEFINED_VAR)$|^(LONG|SHORT|FLAG|OPTION|SOME|MY|YOUR)[-_]?(NAME|FLAG|OPTION|OPT)$`)

// notNames are upper-case tokens that docs write in code spans and that are
// not settings: HTTP methods and status names, gRPC codes, SQL, log levels,
// file names, well-known constants.
var notNames = setOf(`
GET POST PUT PATCH DELETE HEAD OPTIONS CONNECT TRACE
OK CREATED ACCEPTED NO_CONTENT MOVED_PERMANENTLY FOUND NOT_MODIFIED BAD_REQUEST UNAUTHORIZED
PAYMENT_REQUIRED FORBIDDEN NOT_FOUND METHOD_NOT_ALLOWED NOT_ACCEPTABLE REQUEST_TIMEOUT CONFLICT GONE
PRECONDITION_FAILED PAYLOAD_TOO_LARGE UNSUPPORTED_MEDIA_TYPE UNPROCESSABLE_ENTITY TOO_MANY_REQUESTS
INTERNAL_SERVER_ERROR NOT_IMPLEMENTED BAD_GATEWAY SERVICE_UNAVAILABLE GATEWAY_TIMEOUT
CANCELLED CANCELED UNKNOWN INVALID_ARGUMENT DEADLINE_EXCEEDED ALREADY_EXISTS PERMISSION_DENIED
RESOURCE_EXHAUSTED FAILED_PRECONDITION ABORTED OUT_OF_RANGE UNIMPLEMENTED INTERNAL UNAVAILABLE
DATA_LOSS UNAUTHENTICATED
SELECT INSERT UPDATE UPSERT FROM WHERE JOIN INNER OUTER LEFT RIGHT GROUP ORDER LIMIT OFFSET VALUES
CREATE ALTER DROP TABLE INDEX VIEW PRIMARY FOREIGN KEY REFERENCES NULL NOT AND OR IN IS LIKE
DISTINCT HAVING UNION AS ON SET BEGIN COMMIT ROLLBACK TRANSACTION TRUNCATE GRANT REVOKE
AUTO_INCREMENT AUTOINCREMENT CURRENT_TIMESTAMP CURRENT_DATE CURRENT_TIME NOW IF EXISTS CASCADE
VARCHAR TEXT INTEGER INT BIGINT BOOLEAN BOOL JSONB UUID TIMESTAMP TIMESTAMPTZ SERIAL BIGSERIAL
TRUE FALSE YES NO ON OFF NONE NIL
DEBUG INFO WARN WARNING ERROR FATAL PANIC CRITICAL NOTICE
README LICENSE LICENCE CHANGELOG CONTRIBUTING CODE_OF_CONDUCT AUTHORS CODEOWNERS NOTICE SECURITY
MAINTAINERS MAKEFILE DOCKERFILE VERSION TODO FIXME XXX HACK NOTE
UTF UTF8 ASCII JSON YAML TOML XML HTML CSS HTTP HTTPS TCP UDP TLS SSL DNS URL URI API REST
CLI SDK CPU GPU RAM SSD ID UUID SHA MD5 AES RSA JWT OAUTH SAML SSO AWS GCP
EOF_MARKER EOF SIGTERM SIGINT SIGKILL SIGHUP SIGQUIT SIGUSR1 SIGUSR2
STDIN STDOUT STDERR O_RDONLY O_WRONLY O_RDWR O_CREAT O_APPEND O_TRUNC
`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// placeholderSegmentRE finds a placeholder word as a whole segment inside
// a name: VITE_SOME_KEY, APP_YOUR_TOKEN, SVC_FOO_BAR, or the user's own
// name as a dotted key's segment (functions.my-assistant.variants).
// A numbered generic word ends a name in a usage line's series
// (setting-value1 ... setting-valueN); a bare generic noun stands for any
// flag ("customize with `--flags`").
var placeholderSegmentRE = regexp.MustCompile(`\.(YOUR|MY|SOME|EXAMPLE)[_-]|_(YOUR|MY|SOME|FOO|BAR|BAZ|QUX|XXX+|CHANGEME|EXAMPLE)(_|$)|-XXX+(-|$)|_VARIABLES?$|[_-](VALUE|ARG|PARAM|ITEM)([0-9]+|N)$|^(FLAGS|OPTIONS?|SWITCH(ES)?|ARGUMENTS)$`)

// IsPlaceholder reports whether a token stands for "your value here":
// <TOKEN>, YOUR_API_KEY, APP_[NAME]_SECRET, {{ .Name }}, FOO_BAR.
func IsPlaceholder(tok string) bool {
	if strings.ContainsAny(tok, "<>[]{}*…") || strings.Contains(tok, "...") {
		return true
	}
	up := strings.ToUpper(strings.Trim(tok, "-$"))
	return placeholderRE.MatchString(up) || placeholderSegmentRE.MatchString(up)
}

// IsNotAName reports whether an upper-case token is a well-known word that
// is not a setting (GET, NOT_FOUND, CURRENT_TIMESTAMP, CODE_OF_CONDUCT),
// or a prefix of an error code family (ERR_, E_), or a signal (SIGWINCH;
// but not SIGNING_KEY or a program's SIGH_ prefix, which have words after
// an underscore).
func IsNotAName(tok string) bool {
	if notNames[tok] {
		return true
	}
	return strings.HasPrefix(tok, "ERR_") || strings.HasPrefix(tok, "E_") || signalRE.MatchString(tok)
}

var signalRE = regexp.MustCompile(`^SIG[A-Z0-9]+$`)

// Parts splits a doc token into a name and what surrounds it:
// "$FOO" → FOO (dollar), "${FOO:-x}" → FOO (dollar), "FOO=1" → FOO
// (assigned), "--port=8080" → --port (assigned). Offset is where the name
// starts within tok.
type Parts struct {
	Name     string
	Offset   int
	Dollar   bool // written as $NAME or ${NAME}
	Assigned bool // followed by =value
}

var (
	dollarRE = regexp.MustCompile(`^\$\{?([A-Za-z_][A-Za-z0-9_]*)(\}|:[-=?+].*\}|$)`)
	assignRE = regexp.MustCompile(`^(--?[A-Za-z0-9][A-Za-z0-9_.-]*|[A-Za-z_][A-Za-z0-9_.-]*)=`)
)

// Split separates a token into its name and decorations.
func Split(tok string) Parts {
	if m := dollarRE.FindStringSubmatchIndex(tok); m != nil {
		return Parts{Name: tok[m[2]:m[3]], Offset: m[2], Dollar: true}
	}
	if m := assignRE.FindStringSubmatchIndex(tok); m != nil {
		return Parts{Name: tok[m[2]:m[3]], Offset: 0, Assigned: true}
	}
	return Parts{Name: tok}
}
