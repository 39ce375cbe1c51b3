package verify

// Strength says how much a piece of code evidence proves.
type Strength uint8

const (
	// Read is a site that reads the name: an env read, a flag definition, a
	// config key binding, a feature-flag SDK call.
	Read Strength = iota + 1
	// Mention is the name appearing elsewhere: a string or identifier in
	// code that does not read it, a test, a key in a config or deploy file.
	Mention
)

func (s Strength) String() string {
	switch s {
	case Read:
		return "read"
	case Mention:
		return "mention"
	}
	return "unknown"
}

func (s Strength) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// FileFacts is everything one source file tells about the names it reads.
// The langs packages produce it, one per file, and it is what the cache
// stores, so it holds only plain data: no claim-dependent state.
type FileFacts struct {
	Path string // slash path relative to the root
	Lang string // language name from the langs registry
	Test bool   // a test file: its reads count as mentions only

	Reads    []ReadSite
	Refs     []Ref
	Dynamic  []DynamicRead
	Consts   []Const
	Wrappers []Wrapper
	Forwards []Forward
	Calls    []Call
	Fields   []Field
	Roots    []Root
	Derives  []Derivation
	Programs []Program
	// Dependencies are the libraries a build manifest declares.
	Dependencies []Dependency
	// Problems are things that went wrong while reading the file, kept so
	// the run can say what it could not index.
	Problems []string
}

// Site is the position of a fact inside its file.
type Site struct {
	Line int
	Col  int
}

// ReadSite is a read site whose name is a literal.
type ReadSite struct {
	Kind Kind
	Name string
	Site
	// Via names the idiom, for messages: "os.Getenv", "argparse add_argument".
	Via string
	// Negatable marks a boolean flag whose parser also accepts --no-<name>.
	Negatable bool
	// FoldCase marks a name the code matches case-insensitively
	// (pydantic settings, viper keys).
	FoldCase bool
}

// Ref is a read site whose name is held by a constant or variable; the
// index resolves Ident against the constants of every file.
type Ref struct {
	Kind  Kind
	Ident string // the identifier, last segment for a selector (pkg.EnvToken → EnvToken)
	Site
	Via string
}

// DynamicRead is a read site whose name is computed at run time. Prefix and
// Suffix are the constant parts the code puts around the computed part
// ("APP_" + key has Prefix "APP_"); both empty means any name at all.
type DynamicRead struct {
	Kind   Kind
	Prefix string
	Suffix string
	Site
	Via string
	// PassesOn marks a program that accepts any flag and hands the ones
	// it does not know to another program (nvm install's option loop
	// collects them for node's configure): Prefix and Suffix are empty.
	PassesOn bool
	// FromNames marks code that builds names from other names of the
	// code by changing their case: snake_case or camelCase option names
	// turned into dashed flags (strings.ReplaceAll(o.Name, "_", "-"),
	// name.replace(/([A-Z])/g, '-$1')), or into env names after Prefix
	// ("RCLONE_" + strings.ToUpper(name)). A name is built by it when a
	// source form of it, whole or after a leading segment (rclone's
	// --s3-access-key-id from option access_key_id), is a name of the code.
	FromNames bool
	// CallerPrefix marks a FromNames builder whose prefix its callers
	// give (meltano's to_env_var("meltano", setting.name)): the names it
	// makes start with one of the prefixes the code's env names share.
	CallerPrefix bool
	// Wrapper is set when the read is a wrapper's own (os.Getenv("APP_" +
	// key) inside func appEnv(key)): it counts only if no call of the
	// wrapper with a literal resolves it, since those literals are then
	// the names it reads.
	Wrapper string
	// Suffixed marks a name whose computed part puts a word after a
	// computed name ({envvar}_{platform.upper()}): the names it reads are
	// other names with one more word, so a read name plus a word of the
	// code can be one of them.
	Suffixed bool
}

// Const is a named string constant (or a variable assigned once from a
// literal) that read sites can refer to.
type Const struct {
	Name  string
	Value string
}

// Wrapper is a function that passes one of its parameters straight to a
// read: func getEnv(key, def string) string { ... os.Getenv(key) ... }.
// Calls of it with a literal argument are reads.
type Wrapper struct {
	Func string // the function or method name
	Arg  int    // 0-based index of the parameter that holds the name
	Kind Kind
	// Prefix and Suffix are what the wrapper puts around its argument:
	// func env(k string) string { return os.Getenv("APP_" + k) } has Prefix APP_.
	Prefix string
	Suffix string
	Site
	Via string // the read it wraps: "os.Getenv"
}

// Forward is a call inside function Func that passes Func's own parameter
// Param on as argument Arg of Callee. If Callee wraps a read at Arg, Func
// wraps it at Param: getConfig(key) calling GetTaskEnv(key) is a wrapper
// too.
type Forward struct {
	Func   string
	Param  int
	Callee string
	Arg    int
}

// Call is a call with a name-shaped string literal argument, kept so that
// calls of wrappers found in other files can be resolved.
type Call struct {
	Func  string // callee name, last segment (cfg.Var → Var)
	Arg   int    // 0-based argument index
	Value string // the literal
	Site
}

// Field is a key of a configuration structure: a struct field with a
// yaml/json/toml/mapstructure tag, a pydantic settings field, a key of a
// config schema object. Fields chain into dotted paths through Type.
type Field struct {
	Owner string // the enclosing type
	Key   string // the key as the config file spells it
	Type  string // the field's type name when it is itself a structure, "" otherwise
	Site
	Via string
	// Package is the import path of the field's type when it is another
	// package's (server.Config from github.com/grafana/dskit/server): a
	// dependency's structure, whose keys docverify does not read, is not
	// one of this repository's structures that happens to share its name.
	Package string `json:",omitempty"`
	// Map marks a field whose value is a map: the next path segment is any key.
	Map bool
	// Any marks a field of no fixed structure (Go's any, interface{},
	// yaml.Node, json.RawMessage): what is below it is decoded elsewhere,
	// by a type the code picks at run time (thanos's objstore config).
	Any bool `json:",omitempty"`
	// Inline marks an embedded structure whose keys appear at this level.
	Inline bool
	// Weak marks an untagged field of a structure with no config tags at
	// all: a key only if the structure turns out to be configuration
	// (reached from a Root or from a tagged structure).
	Weak bool
	// Nested marks a key found only through the key above it, never on
	// its own: an XML Schema's inner declarations, whose common names
	// (name, type, value) would otherwise vouch for any key spelt so.
	Nested bool `json:",omitempty"`
	// Env is the env var the field is read from (env:"FOREGROUND"), which
	// a prefix on a field of this structure's type extends (see Derivation).
	Env string
	// Ident is the field's name in the code when its key differs (a tag
	// renames it): the name libraries that derive names from the code's
	// identifiers use (ardanlabs/conf's --auth-api-key-pepper of
	// APIKeyPepper, whose YAML key is api_key_pepper).
	Ident string `json:",omitempty"`
	// ConfEnv is the env name below the prefix that a tag gives the field
	// in place of the one derived from its Go names (ardanlabs/conf's
	// env:NOTIFIER_DNS64_NETS).
	ConfEnv string `json:",omitempty"`
	// ConfFlag is the whole flag name a tag gives the field in place of
	// the one derived from its Go names (ardanlabs/conf's flag:web-port).
	ConfFlag string `json:",omitempty"`
	// ConfSkip marks a field a tag hides from libraries that name env vars
	// and flags after fields (ardanlabs/conf's conf:"-").
	ConfSkip bool `json:",omitempty"`
	// EnvPrefix is the prefix this field gives the env names of its
	// type's fields, below any prefix of the field above it: go-flags'
	// env-namespace:"BOLT" inside env-namespace:"STORE" makes
	// STORE_BOLT_TIMEOUT of env:"TIMEOUT"; kong's envprefix nests alike.
	EnvPrefix string `json:",omitempty"`
}

// AnyStructure is the type of a field whose value may hold any keys at
// any depth: a JSON Schema's { type: 'object' } with nothing more.
const AnyStructure = "@any"

// Root is a structure the code loads configuration into: the type of c in
// viper.Unmarshal(&c) or yaml.Unmarshal(data, &c).
type Root struct {
	Type string
	Site
	Via string
}

// Derivation records that the code builds names of kind Kind from names of
// kind From at run time: viper's SetEnvPrefix + AutomaticEnv makes env
// APP_RETRY_MAX_ATTEMPTS read config key retry.max_attempts.
type Derivation struct {
	Kind Kind // the kind of the derived names (Env)
	// From is the kind of the source names: Config (keys and structures),
	// Flag, or Env (the env names of a structure's fields, given a prefix
	// by the field that holds it: kong's envprefix, caarlos0/env's envPrefix).
	From   Kind
	Prefix string // prefix of every derived name, upper case with its separator ("APP_")
	// Nest separates nested segments ("_" for viper, "__" for pydantic).
	Nest string
	// Scope limits the source names to the fields of this type; "" means all.
	Scope string
	// Case, when "upper" or "lower", is the only case the derived names
	// are spelt in; "" accepts any (most libraries fold case).
	Case string
	// Independent marks a derivation without a prefix that holds beside
	// prefixed ones of the same file: the .NET host maps every env var
	// whatever prefixed sources are added, where viper's AutomaticEnv
	// takes the prefix SetEnvPrefix gives.
	Independent bool
	// DropDashes removes the dashes of source names instead of turning
	// them into underscores: Spring binds billing.fraud-check from
	// BILLING_FRAUDCHECK.
	DropDashes bool
	// SplitWords marks a library whose key replacer the code computes
	// (viper's SetEnvKeyReplacer fed the flags' names in snake case):
	// the env name may also split a camelCase key into words,
	// FB_DISABLE_EXEC for disableExec.
	SplitWords bool `json:",omitempty"`
	// FieldNames marks a library that names env vars or flags after the
	// Go names of the fields of Scope and of the fields above them, split
	// into words at case changes (ardanlabs/conf), not after their keys.
	FieldNames bool `json:",omitempty"`
	Site
	Via string
}

// Dependency is a library a build manifest declares: watchfiles in
// pyproject.toml, github.com/spf13/viper in go.mod.
type Dependency struct {
	Name string
	Site
}

// Program is one of the repository's own programs: a command its docs may
// run with flags.
type Program struct {
	Name string
	Site
	Via string // "package main", "package.json bin", "pyproject [project.scripts]"
}
