package verify

import (
	"slices"
	"strings"
	"testing"
)

// site is shorthand for a position inside a file.
func site(line int) Site { return Site{Line: line, Col: 1} }

// claim makes an explicit claim in a paragraph and section of its own,
// so that no two claims of a test are siblings unless the test says so.
func claim(k Kind, name string) Claim {
	claimSeq++
	return Claim{Kind: k, Name: name, Text: name, Explicit: true, Pos: Pos{File: "README.md", Line: claimSeq, Col: 1}, Block: claimSeq, Section: claimSeq}
}

var claimSeq int

func judgeOne(t *testing.T, files []FileFacts, c Claim) Result {
	t.Helper()
	ix := NewIndex(files, nil)
	return Check([]Claim{c}, ix)[0]
}

func TestResolution(t *testing.T) {
	files := []FileFacts{
		{Path: "env.go", Lang: "go",
			Reads:    []ReadSite{{Kind: Env, Name: "APP_DB_URL", Site: site(3), Via: "os.Getenv"}, {Kind: Flag, Name: "color", Negatable: true, Site: site(4)}},
			Refs:     []Ref{{Kind: Env, Ident: "EnvToken", Site: site(5), Via: "os.Getenv"}},
			Wrappers: []Wrapper{{Func: "appEnv", Arg: 0, Kind: Env, Prefix: "APP_", Via: "os.Getenv"}},
			Dynamic:  []DynamicRead{{Kind: Env, Prefix: "PLUGIN_", Site: site(9), Via: "os.Getenv"}, {Kind: Env, Prefix: "APP_", Site: site(8), Via: "os.Getenv", Wrapper: "appEnv"}},
			Fields: []Field{
				{Owner: "Config", Key: "retry", Type: "Retry", Site: site(10)},
				{Owner: "Config", Key: "limits", Type: "Limit", Map: true, Site: site(11)},
				{Owner: "Config", Type: "Base", Inline: true, Site: site(12)},
				{Owner: "Retry", Key: "max_attempts", Site: site(13)},
				{Owner: "Limit", Key: "rps", Site: site(14)},
				{Owner: "Base", Key: "log_level", Site: site(15)},
				{Owner: "Settings", Key: "timeout_s", Site: site(16)},
				{Owner: "Settings", Key: "retry", Type: "Retry", Site: site(17)},
				{Owner: "Styles", Env: "FOREGROUND", Site: site(18)},
				{Owner: "Styles", Key: "border", Type: "Border", EnvPrefix: "BORDER_", Site: site(19)},
				{Owner: "Border", Env: "WIDTH", Site: site(20)},
				{Owner: "Config", Key: "functions", Type: "Function", Map: true, Site: site(21)},
				{Owner: "Function", Key: "name", Site: site(22)},
				{Owner: "PluginSchema", Key: "handler", Site: site(23)}, // a plugin's part of each function
				{Owner: "Config", Key: "custom", Type: AnyStructure, Map: true, Site: site(24)},
			},
			Derives: []Derivation{
				{Kind: Env, From: Config, Prefix: "APP_", Nest: "_", Via: "viper"},
				{Kind: Env, From: Config, Prefix: "SVC_", Nest: "__", Scope: "Settings", Via: "pydantic"},
				{Kind: Env, From: Flag, Prefix: "CLI_", Nest: "_", Via: "click"},
				{Kind: Env, From: Env, Prefix: "GUM_CURSOR_", Scope: "Styles", Via: "struct tag envprefix"},
				{Kind: Env, From: Config, Prefix: "LOW_", Nest: "_", Case: "lower", Via: "an env rule"},
			},
		},
		{Path: "consts.go", Lang: "go", Consts: []Const{{Name: "EnvToken", Value: "APP_TOKEN"}}},
		{Path: "use.go", Lang: "go", Calls: []Call{{Func: "appEnv", Arg: 0, Value: "REGION", Site: site(2)}, {Func: "getConfig", Arg: 1, Value: "VERBOSE", Site: site(3)}},
			Forwards: []Forward{{Func: "envBool", Param: 0, Callee: "appEnv", Arg: 0}, {Func: "getConfig", Param: 1, Callee: "envBool", Arg: 0}}},
		{Path: "env_test.go", Lang: "go", Test: true, Reads: []ReadSite{{Kind: Env, Name: "APP_ONLY_IN_TESTS", Site: site(2), Via: "os.Getenv"}}},
	}
	cases := []struct {
		claim  Claim
		status Status
		via    string
	}{
		{claim(Env, "APP_DB_URL"), Verified, "os.Getenv"},
		{claim(Env, "APP_TOKEN"), Verified, "of constant EnvToken"},
		{claim(Env, "APP_REGION"), Verified, "appEnv(), which wraps"},
		{claim(Env, "APP_VERBOSE"), Verified, "getConfig(), which wraps os.Getenv"},
		{claim(Config, "retry.max_attempts"), Verified, ""},
		{claim(Config, "Retry.Max_Attempts"), Verified, ""},
		{claim(Config, "limits.tenant_a.rps"), Verified, ""},
		{claim(Config, "log_level"), Verified, ""},
		{claim(Config, "retry.backoff"), Missing, ""},
		{claim(Config, "functions.resize.name"), Verified, ""},
		{claim(Config, "functions.resize.handler"), Verified, ""}, // past a user-named segment, any structure's path
		{claim(Config, "functions.resize.handlr"), Missing, ""},
		{claim(Config, "custom.webpack.include.modules"), Verified, ""}, // any keys at any depth
		{claim(Env, "APP_RETRY_MAX_ATTEMPTS"), Verified, "read through viper"},
		{claim(Env, "SVC_TIMEOUT_S"), Verified, "read through pydantic"},
		{claim(Env, "SVC_RETRY__MAX_ATTEMPTS"), Verified, "read through pydantic"},
		{claim(Env, "SVC_RETRY_MAX_ATTEMPTS"), Missing, ""},
		{claim(Env, "CLI_COLOR"), Verified, "flag --color read through click"},
		{claim(Flag, "no-color"), Verified, "negation of --color"},
		{claim(Env, "GUM_CURSOR_FOREGROUND"), Verified, "env tag FOREGROUND of Styles, prefixed by struct tag envprefix"},
		{claim(Env, "GUM_CURSOR_BACKGROUND"), Missing, ""},
		{claim(Env, "GUM_CURSOR_BORDER_WIDTH"), Verified, "env tag WIDTH of Border"}, // a nested prefix extends the outer one
		{claim(Env, "GUM_CURSOR_WIDTH"), Missing, ""},
		{claim(Flag, "no-colour"), Missing, ""},
		{claim(Env, "PLUGIN_S3_BUCKET"), Dynamic, "os.Getenv"},
		{claim(Env, "APP_KILL_SWITCH"), Missing, ""},
		{claim(Env, "APP_ONLY_IN_TESTS"), Unwired, "in a test"},
		{claim(Feature, "APP_DB_URL"), Verified, "os.Getenv"},
		{claim(Env, "APP_NOWHERE"), Missing, ""},
		{claim(Env, "low_retry_max_attempts"), Verified, "read through an env rule"},
		{claim(Env, "LOW_RETRY_MAX_ATTEMPTS"), Missing, ""}, // the rule builds lower-case names only
	}
	for _, c := range cases {
		r := judgeOne(t, files, c.claim)
		if r.Status != c.status {
			t.Errorf("%s %s: status %s (%s), want %s", c.claim.Kind, c.claim.Name, r.Status, r.Reason, c.status)
			continue
		}
		if c.via != "" && (len(r.Evidence) == 0 || !strings.Contains(r.Evidence[0].Via, c.via)) {
			t.Errorf("%s %s: evidence %+v, want via containing %q", c.claim.Kind, c.claim.Name, r.Evidence, c.via)
		}
	}
}

func TestOwnership(t *testing.T) {
	files := []FileFacts{
		{Path: "cmd/app/main.go", Lang: "go", Programs: []Program{{Name: "app"}}, Reads: []ReadSite{{Kind: Flag, Name: "verbose"}}},
		{Path: "go.mod", Programs: []Program{{Name: "mod-app"}}},
	}
	ix := NewIndex(files, []string{"scripts/deploy.sh"})
	flag := func(cmd string) Claim { c := claim(Flag, "rm"); c.Command = cmd; return c }
	cases := []struct {
		claim  Claim
		status Status
	}{
		{flag("docker"), External},
		{flag("app"), Missing},
		{flag("./bin/app"), Missing},
		{flag("mod-app"), Missing},
		{flag("./scripts/deploy.sh"), Missing},
		{flag("./cmd/app"), Missing},
		{flag(""), Missing},
		{func() Claim { c := claim(Flag, "rm"); c.Owner = "docker"; return c }(), External},
		{claim(Env, "GITHUB_SHA"), External},
		{claim(Env, "PATH"), External},
		{claim(Env, "AWS_REGION"), External},
		// docker run -e: another project's image owns its variables; the
		// repository's own image (a program of its) does not
		{func() Claim {
			c := claim(Env, "API_KEY")
			c.Command, c.Image = "docker-dd-agent", "datadog/docker-dd-agent"
			return c
		}(), External},
		{func() Claim { c := claim(Env, "APP_MODE"); c.Command, c.Image = "app", "acme/app:1"; return c }(), Missing},
		{func() Claim { c := claim(Env, "OLD"); c.Historical = "was removed"; return c }(), Ignored},
		{func() Claim { c := claim(Env, "NEW"); c.SuppressedBy = &Directive{Reason: "planned"}; return c }(), Ignored},
	}
	for _, c := range cases {
		r := Check([]Claim{c.claim}, ix)[0]
		if r.Status != c.status {
			t.Errorf("%+v: status %s (%s), want %s", c.claim, r.Status, r.Reason, c.status)
		}
	}
	// A variable a declared library reads itself belongs to the library;
	// the same variable without the library declared is a claim like any other.
	withDep := NewIndex([]FileFacts{{Path: "pyproject.toml", Dependencies: []Dependency{{Name: "WatchFiles"}}}}, nil)
	if r := Check([]Claim{claim(Env, "WATCHFILES_FORCE_POLLING")}, withDep)[0]; r.Status != Verified || len(r.Evidence) != 1 || r.Evidence[0].Via != "honoured by watchfiles, declared in pyproject.toml" {
		t.Errorf("library variable with the library declared: %s (%v)", r.Status, r.Evidence)
	}
	// The Docker client reads its own variables wherever it is used.
	docker := NewIndex([]FileFacts{{Path: "go.mod", Dependencies: []Dependency{{Name: "github.com/docker/docker"}}}}, nil)
	if r := Check([]Claim{claim(Env, "DOCKER_API_VERSION")}, docker)[0]; r.Status != Verified {
		t.Errorf("DOCKER_API_VERSION with the Docker client declared: %s", r.Status)
	}
	// Config keys too, and a library declared by any artifact of a family.
	spring := NewIndex([]FileFacts{{Path: "build.gradle", Dependencies: []Dependency{{Name: "spring-boot-starter-web"}}}}, nil)
	if r := Check([]Claim{claim(Config, "spring.profiles.active")}, spring)[0]; r.Status != Verified || r.Evidence[0].Via != "honoured by spring-boot, declared in build.gradle" {
		t.Errorf("a Spring key with Spring Boot declared: %s (%v)", r.Status, r.Evidence)
	}
	if r := Check([]Claim{claim(Env, "WATCHFILES_FORCE_POLLING")}, ix)[0]; r.Status != Missing {
		t.Errorf("library variable without the library: %s, want missing", r.Status)
	}
	// A repository with no programs and no flags cannot own an unattributed flag.
	empty := NewIndex(nil, nil)
	if r := Check([]Claim{claim(Flag, "rm")}, empty)[0]; r.Status != External {
		t.Errorf("flag in a repository without flags: %s, want external", r.Status)
	}
	// The repository's own read of a well-known name wins over the list.
	own := NewIndex([]FileFacts{{Path: "a.go", Lang: "go", Reads: []ReadSite{{Kind: Env, Name: "GITHUB_TOKEN"}}}}, nil)
	if r := Check([]Claim{claim(Env, "GITHUB_TOKEN")}, own)[0]; r.Status != Verified {
		t.Errorf("own read of GITHUB_TOKEN: %s, want verified", r.Status)
	}
}

func TestMentionsAndSeverities(t *testing.T) {
	ix := NewIndex([]FileFacts{{Path: "a.go", Lang: "go", Reads: []ReadSite{{Kind: Env, Name: "APP_DRY_RUN", Site: site(7), Via: "os.Getenv"}}}}, []string{"deploy.yaml"})
	safe := claim(Env, "APP_DRYRUN")
	safe.Safety = "dry run"
	plain := claim(Env, "APP_COLOUR")
	inferred := claim(Env, "APP_SHAPE_ONLY")
	inferred.Explicit = false
	mentioned := claim(Env, "APP_IN_YAML")
	claims := []Claim{safe, plain, inferred, mentioned}
	var pending []MentionQuery
	near := 0
	for _, q := range Pending(claims, ix) {
		switch {
		case strings.HasPrefix(q.Name, PassPrefix): // the prefixes a name could be passed through by
		case strings.HasPrefix(q.Name, NearPrefix): // its one-typo neighbours in the code's text
			near++
		default:
			pending = append(pending, q)
		}
	}
	if len(pending) != 4 || near != 4 {
		t.Fatalf("pending = %v and %d near queries, want all four of each", pending, near)
	}
	ix.AddMentions(map[string][]Evidence{"APP_IN_YAML": {{Pos: Pos{File: "deploy.yaml", Line: 3, Col: 9}, Via: "key in a YAML file", Strength: Mention}}}, 2)
	fs := ix.Findings(Check(claims, ix))
	// APP_DRYRUN is one slip from a name the code reads; nothing ties
	// APP_COLOUR, a plain instruction, to the repository
	want := map[string]string{"APP_DRYRUN": "DV1001", "APP_COLOUR": "DV1007", "APP_SHAPE_ONLY": "DV1005", "APP_IN_YAML": "DV1003"}
	if len(fs) != len(want) {
		t.Fatalf("findings = %+v", fs)
	}
	for _, f := range fs {
		if want[f.Name] != f.Rule.ID {
			t.Errorf("%s: rule %s, want %s", f.Name, f.Rule.ID, want[f.Name])
		}
		if f.Severity != f.Rule.Severity {
			t.Errorf("%s: severity %s differs from its rule's %s", f.Name, f.Severity, f.Rule.Severity)
		}
	}
	for _, f := range fs {
		if f.Name == "APP_DRYRUN" && (f.Suggestion != "APP_DRY_RUN" || !strings.Contains(f.Message, "did you mean APP_DRY_RUN, read at a.go:7:1?")) {
			t.Errorf("suggestion missing: %q", f.Message)
		}
		if f.Name == "APP_IN_YAML" && !strings.Contains(f.Message, "deploy.yaml:3:9 (key in a YAML file)") {
			t.Errorf("mention not named: %q", f.Message)
		}
	}
}

func TestWellKnownPrefixesDoNotExcuse(t *testing.T) {
	files := []FileFacts{{Path: "a.go", Lang: "go",
		Reads:   []ReadSite{{Kind: Env, Name: "TASK_A"}, {Kind: Env, Name: "TASK_B"}, {Kind: Env, Name: "TASK_C"}},
		Dynamic: []DynamicRead{{Kind: Env, Prefix: "TASK_", Via: "the environment filtered by prefix"}, {Kind: Env, Prefix: "PLUGIN_"}}}}
	ix := NewIndex(files, nil)
	for name, want := range map[string]Status{"TASK_KILL": Missing, "PLUGIN_S3": Dynamic} {
		if r := Check([]Claim{claim(Env, name)}, ix)[0]; r.Status != want {
			t.Errorf("%s: %s, want %s", name, r.Status, want)
		}
	}
}

func TestForeignNames(t *testing.T) {
	var reads []ReadSite
	for _, n := range []string{"GUM_A", "GUM_B", "GUM_C", "GUM_D", "HOME_DIR"} {
		reads = append(reads, ReadSite{Kind: Env, Name: n})
	}
	ix := NewIndex([]FileFacts{{Path: "a.go", Lang: "go", Reads: reads}}, nil)
	user := claim(Env, "I_LOVE")
	phantom := claim(Env, "GUM_KILL")
	kill := claim(Env, "DISABLE_ALL")
	kill.Safety = "disable"
	fs := ix.Findings(Check([]Claim{user, phantom, kill}, ix))
	// a safety sentence keeps DISABLE_ALL from being judged foreign
	want := map[string]string{"I_LOVE": "DV1006", "GUM_KILL": "DV1002", "DISABLE_ALL": "DV1001"}
	for _, f := range fs {
		if want[f.Name] != f.Rule.ID {
			t.Errorf("%s: %s, want %s (%s)", f.Name, f.Rule.ID, want[f.Name], f.Message)
		}
	}
	if len(fs) != 3 || !strings.Contains(fs[1].Message+fs[0].Message+fs[2].Message, "does not start with GUM_ like the variables the code reads") {
		t.Errorf("findings = %+v", fs)
	}
}

func TestRulesAreDocumentedAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.ID == "" || r.Slug == "" || r.Summary == "" || len(r.Doc) < 80 || r.Severity == 0 {
			t.Errorf("rule %q is not fully documented", r.ID)
		}
		if seen[r.ID] || seen[r.Slug] {
			t.Errorf("rule %s or %s is not unique", r.ID, r.Slug)
		}
		seen[r.ID], seen[r.Slug] = true, true
		if RuleByID(r.ID) != r || RuleByID(r.Slug) != r {
			t.Errorf("RuleByID does not find %s", r.ID)
		}
	}
}

func TestOtherProgramsPrefix(t *testing.T) {
	reads := func(names ...string) []FileFacts {
		var rs []ReadSite
		for _, n := range names {
			rs = append(rs, ReadSite{Kind: Env, Name: n})
		}
		return []FileFacts{{Path: "a.go", Lang: "go", Reads: rs}}
	}
	// one variable of gh's read by the code does not make GH_ its prefix
	if r := judgeOne(t, reads("GH_PATH"), claim(Env, "GH_ENTERPRISE_TOKEN")); r.Status != External {
		t.Errorf("GH_ENTERPRISE_TOKEN beside GH_PATH: %s, want external", r.Status)
	}
	// a repository that reads GH_ as its own (gh itself) owns the rest
	if r := judgeOne(t, reads("GH_HOST", "GH_TOKEN", "GH_REPO"), claim(Env, "GH_ENTERPRISE_TOKEN")); r.Status != Missing {
		t.Errorf("GH_ENTERPRISE_TOKEN beside three GH_ reads: %s, want missing", r.Status)
	}
	// a prefix that names no program is not another's
	if r := judgeOne(t, reads("APP_HOST"), claim(Env, "FEED_TOKEN")); r.Status != Missing {
		t.Errorf("FEED_TOKEN: %s, want missing", r.Status)
	}
}

func TestHelpIsEveryLibrarys(t *testing.T) {
	withFlags := []FileFacts{{Path: "main.go", Lang: "go", Reads: []ReadSite{{Kind: Flag, Name: "verbose", Site: site(3)}}}}
	if r := judgeOne(t, withFlags, claim(Flag, "help")); r.Status != Verified {
		t.Errorf("--help in a repository that defines flags: %s, want verified", r.Status)
	}
	if r := judgeOne(t, withFlags, claim(Flag, "helpful")); r.Status != Missing {
		t.Errorf("--helpful: %s, want missing", r.Status)
	}
}

// A knob read by the code and by its tests is listed at the code's site.
func TestImplementedPrefersTheCode(t *testing.T) {
	ix := NewIndex([]FileFacts{
		{Path: "e2e/run.go", Reads: []ReadSite{{Kind: Env, Name: "APP_TOKEN", Site: Site{Line: 1, Col: 1}, Via: "os.Getenv"}}},
		{Path: "src/main.go", Reads: []ReadSite{{Kind: Env, Name: "APP_TOKEN", Site: Site{Line: 9, Col: 1}, Via: "os.Getenv"}}},
	}, nil)
	got := ix.Implemented()
	if len(got) != 1 || got[0].At.Pos.File != "src/main.go" || got[0].Sites != 2 {
		t.Errorf("Implemented() = %+v, want APP_TOKEN at src/main.go, 2 sites", got)
	}
}

// TestBuilderYieldsToTypos: where the code builds flags from its names
// (--exclude-namespace could be "exclude" + "namespace"), a word of the
// code one slip from the flag (its "exclude-namespaces", a plural) says
// typo more plainly, and a word only a test uses is no source at all.
func TestBuilderYieldsToTypos(t *testing.T) {
	files := []FileFacts{
		{Path: "flags.go", Lang: "go", Dynamic: []DynamicRead{{Kind: Flag, FromNames: true, Site: site(3), Via: "names of the code turned into --dashed-flags"}},
			Programs: []Program{{Name: "scan", Site: site(1), Via: "main package"}}},
	}
	mentions := func(word, file string) Evidence {
		return Evidence{Pos: Pos{File: file, Line: 4, Col: 9}, Name: word, Via: "mentioned in a Go file", Strength: Mention, InCode: true}
	}
	cases := []struct {
		name   string
		m      map[string][]Evidence
		status Status
	}{
		{"built from words of the program", map[string][]Evidence{"exclude": {mentions("exclude", "scan.go")}, "namespace": {mentions("namespace", "scan.go")}}, Dynamic},
		{"a word only a test uses", map[string][]Evidence{"exclude": {mentions("exclude", "scan.go")}, "namespace": {mentions("namespace", "integration/repo_test.go")}}, Missing},
		{"a plural of a flag the code writes", map[string][]Evidence{"exclude": {mentions("exclude", "scan.go")}, "namespace": {mentions("namespace", "scan.go")},
			NearPrefix + "exclude-namespace": {mentions("exclude-namespaces", "flags.go")}}, Missing},
	}
	for _, tc := range cases {
		ix := NewIndex(files, nil)
		ix.AddMentions(tc.m, 1)
		r := Check([]Claim{claim(Flag, "exclude-namespace")}, ix)[0]
		if r.Status != tc.status {
			t.Errorf("%s: %s (%s), want %s", tc.name, r.Status, r.Reason, tc.status)
		}
		if tc.status == Missing && len(tc.m) == 3 && (r.Nearest == nil || r.Nearest.Name != "exclude-namespaces") {
			t.Errorf("%s: suggestion %v, want exclude-namespaces", tc.name, r.Nearest)
		}
	}
}

// TestSplitWords: a library whose key replacer the code computes makes
// FB_DISABLE_EXEC of the key disableExec; one with the default replacer
// makes only FB_DISABLEEXEC.
func TestSplitWords(t *testing.T) {
	for _, split := range []bool{true, false} {
		files := []FileFacts{{Path: "cmd/utils.go", Lang: "go",
			Reads:   []ReadSite{{Kind: Config, Name: "disableExec", Site: site(3), Via: "v.GetBool"}},
			Derives: []Derivation{{Kind: Env, From: Config, Prefix: "FB_", Nest: "_", SplitWords: split, Via: "viper AutomaticEnv"}}}}
		r := judgeOne(t, files, claim(Env, "FB_DISABLE_EXEC"))
		if want := map[bool]Status{true: Verified, false: Missing}[split]; r.Status != want {
			t.Errorf("split words %v: %s, want %s", split, r.Status, want)
		}
		if r := judgeOne(t, files, claim(Env, "FB_DISABLEEXEC")); r.Status != Verified {
			t.Errorf("split words %v: FB_DISABLEEXEC %s, want verified", split, r.Status)
		}
	}
}

// TestSlipOfAWellKnownName: a bare dotted name one slip from another
// program's well-known key (git's core.excludesFile) is that key misspelt.
func TestSlipOfAWellKnownName(t *testing.T) {
	ix := NewIndex([]FileFacts{{Path: "main.go", Lang: "go", Reads: []ReadSite{{Kind: Flag, Name: "verbose", Site: site(2)}}}}, nil)
	c := claim(Config, "core.exludesFile")
	c.Explicit, c.Misspelling = false, true
	plain := claim(Config, "client.closer")
	plain.Explicit, plain.Misspelling = false, true
	fs := ix.Findings(Check([]Claim{c, plain}, ix))
	if len(fs) != 1 || fs[0].Name != "core.exludesFile" || !strings.Contains(fs[0].Message, "did you mean core.excludesFile, a name of git?") {
		t.Fatalf("findings = %+v, want one for core.exludesFile suggesting git's core.excludesFile", fs)
	}
}

// TestFlagsAreShownAsWritten: a flag the doc writes with one dash keeps
// it in the finding, and the suggestion is shown the same way, so that a
// quick fix replacing the one with the other keeps the doc's style.
func TestFlagsAreShownAsWritten(t *testing.T) {
	ix := NewIndex([]FileFacts{{Path: "main.go", Lang: "go", Reads: []ReadSite{{Kind: Flag, Name: "node-no-verify", Site: site(3), Via: "flag.Bool"}}}}, nil)
	one := claim(Flag, "no-node-verify")
	one.Text = "-no-node-verify"
	two := claim(Flag, "node-no-verfy")
	two.Text = "--node-no-verfy"
	fs := ix.Findings(Check([]Claim{one, two}, ix))
	want := map[string]string{"-no-node-verify": "-node-no-verify", "--node-no-verfy": "--node-no-verify"}
	if len(fs) != 2 {
		t.Fatalf("findings = %+v", fs)
	}
	for _, f := range fs {
		if sug, ok := want[f.Name]; !ok || f.Suggestion != sug || !strings.Contains(f.Message, "flag "+f.Name+" is documented") {
			t.Errorf("finding %q suggests %q: %s", f.Name, f.Suggestion, f.Message)
		}
	}
}

// TestWrapperScriptsTeachNoPrefix: the variables a committed build-tool
// wrapper reads (mvnw's MVNW_*) are not the program's prefix, so a name
// without that prefix is not the reader's own for lacking it.
func TestWrapperScriptsTeachNoPrefix(t *testing.T) {
	var reads []ReadSite
	for _, n := range []string{"MVNW_REPOURL", "MVNW_USERNAME", "MVNW_PASSWORD", "MVNW_VERBOSE"} {
		reads = append(reads, ReadSite{Kind: Env, Name: n})
	}
	ix := NewIndex([]FileFacts{{Path: "mvnw", Lang: "shell", Reads: reads}, {Path: "src/App.java", Lang: "java", Reads: []ReadSite{{Kind: Env, Name: "SHOP_PORT"}}}}, nil)
	if ps := ix.envPrefixes(); len(ps) != 0 {
		t.Errorf("prefixes = %v, want none: the wrapper's are not the program's", ps)
	}
	var gumReads []ReadSite
	for _, n := range []string{"GUM_A", "GUM_B", "GUM_C"} {
		gumReads = append(gumReads, ReadSite{Kind: Env, Name: n})
	}
	ix = NewIndex([]FileFacts{{Path: "mvnw", Lang: "shell", Reads: reads}, {Path: "main.go", Lang: "go", Reads: gumReads}}, nil)
	if ps := ix.envPrefixes(); !slices.Equal(ps, []string{"GUM_"}) {
		t.Errorf("prefixes = %v, want GUM_ alone", ps)
	}
}

// "the other `--crt` options" stands for the code's --crt-* flags; the
// same name written alone, or a family the code has no member of, is not
// verified by them.
func TestFamilyNames(t *testing.T) {
	files := []FileFacts{{Path: "main.py", Lang: "python", Reads: []ReadSite{
		{Kind: Flag, Name: "crt-ns", Site: site(9), Via: "argparse"},
		{Kind: Flag, Name: "crt-dir", Site: site(8), Via: "argparse"},
		{Kind: Flag, Name: "crtx", Site: site(7), Via: "argparse"},
	}}}
	family := claim(Flag, "crt")
	family.Family, family.Explicit = true, false
	r := judgeOne(t, files, family)
	if r.Status != Verified || len(r.Evidence) != 2 || r.Evidence[0].Name != "crt-dir" {
		t.Errorf("family --crt: got %v with %d evidence %+v, want verified by --crt-dir and --crt-ns", r.Status, len(r.Evidence), r.Evidence)
	}
	if r := judgeOne(t, files, claim(Flag, "crt")); r.Status == Verified {
		t.Errorf("--crt alone: got verified, want it judged as one name")
	}
	none := claim(Flag, "tls")
	none.Family = true
	if r := judgeOne(t, files, none); r.Status == Verified {
		t.Errorf("family --tls with no member: got verified")
	}
}
