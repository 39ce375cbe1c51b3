package golang

import (
	"strings"
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestEnvReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "literal reads", Src: `package x
import "os"
func f() {
	a := os.Getenv("FEED_URL")
	_, ok := os.LookupEnv("FEED_KEY")
	os.Setenv("FEED_WRITTEN", "1")
}`, Want: `
read env FEED_URL @FEED_URL os.Getenv
read env FEED_KEY @FEED_KEY os.LookupEnv
`},
		{Name: "through constants, in any order", Src: `package x
func f() string { return os.Getenv(EnvToken) + os.Getenv(other.EnvRegion) }
const EnvToken = "APP_TOKEN"
`, Want: `
read env APP_TOKEN @EnvToken os.Getenv of constant EnvToken
ref env EnvRegion @other.EnvRegion
const EnvToken=APP_TOKEN
`},
		{Name: "wrappers and dynamic names", Src: `package x
func getEnv(key, def string) string { if v, ok := os.LookupEnv(key); ok { return v }; return def }
func appEnv(k string) string { return os.Getenv("APP_" + k) }
func g(p string) { os.Getenv(fmt.Sprintf("%s_USERNAME", p)); os.Getenv(name) }
`, Want: `
wrapper env getEnv#0 *
wrapper env appEnv#0 APP_*
dynamic env APP_* @APP_ in appEnv
dynamic env *_USERNAME @fmt.Sprintf in g
wrapper env g#0 *_USERNAME
ref env name @name
`},
		{Name: "wrappers of wrappers", Calls: true, Src: `package x
func getEnv(key string) string { return os.Getenv(taskVarPrefix + key) }
func getBool(name string) bool { return getEnv(name) == "1" }
func getConfig[T any](c *C, envKey string) T { return getEnvAs[T](envKey) }
const taskVarPrefix = "TASK_"
`, Want: `
const taskVarPrefix=TASK_
wrapper env getEnv#0 TASK_*
dynamic env TASK_* @taskVarPrefix in getEnv
forward getBool#0 -> getEnv#0
forward getConfig#1 -> getEnvAs#0
`},
		{Name: "locals holding expressions", Calls: true, Src: `package x
const envPrefix = "TASK_X_"
func getEnv(xName string) string {
	envName := fmt.Sprintf("%s%s", envPrefix, xName)
	return os.Getenv(envName)
}
func other() { envName := "NOT_THIS"; _ = envName }
func New(name string) { _ = getEnv(name) }
var x = New("ENV_PRECEDENCE")
`, Want: `
const envPrefix=TASK_X_
wrapper env getEnv#0 TASK_X_*
dynamic env TASK_X_* @envName in getEnv
forward New#0 -> getEnv#0
forward getEnv#0 -> Sprintf#2
call New#0 ENV_PRECEDENCE
`},
		{Name: "names upper-cased after a prefix the callers give", Src: `package x
import "strings"
func envName(parts ...string) string { return strings.ToUpper(strings.Join(parts, "_")) }
func shout(words ...string) string { return strings.ToUpper(strings.Join(words, "_")) }
`, Want: `
dynamic env * @envName from names after the callers' prefix
`},
		{Name: "near misses are not reads", Src: `package x
// os.Getenv("IN_A_COMMENT")
func f() { log.Print("FEED_LOGGED"); os.Setenv("FEED_SET", "1"); strings.Getenv("NOT_OS") }
`, Want: ``},
	})
}

func TestFlags(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "flag and pflag", Src: `package main
func main() {
	port := flag.Int("port", 8080, "port")
	flag.BoolVar(&dry, "dry-run", false, "preview")
	cmd.Flags().StringVarP(&region, "region", "r", "", "")
	cmd.PersistentFlags().Duration("upstream-timeout", 0, "")
	fs.Var(&v, "tag", "")
}`, Want: `
read flag port @port flag.Int
read flag dry-run @dry-run flag.BoolVar
read flag region @region cmd.Flags().StringVarP
read flag upstream-timeout @upstream-timeout cmd.PersistentFlags().Duration
read flag tag @tag fs.Var
program pkg
`},
		{Name: "hand-written parsers", Src: `package x
func parse(arg string) {
	if arg == "--watch" { return }
	switch arg {
	case "--delay", "-d":
	}
	if strings.HasPrefix(arg, "--level=") { return }
	if arg == "watch" { return }
}`, Want: `
read flag watch @--watch arg == "--watch"
read flag delay @--delay case "--delay", "-d":
read flag level @--level strings.HasPrefix()
`},
		{Name: "zap fields are not flags", Src: `package x
func f() { logger.Info("x", zap.String("port", p), zap.Bool("dry-run", d)) }`, Want: ``},
		{Name: "urfave cli and kingpin", Src: `package x
var flags = []cli.Flag{
	&cli.StringFlag{Name: "config", Aliases: []string{"c"}, EnvVars: []string{"APP_CONFIG"}},
	cli.BoolFlag{Name: "debug", EnvVar: "APP_DEBUG,DEBUG"},
	&cli.IntFlag{Name: "workers", Sources: cli.EnvVars("APP_WORKERS")},
}
var verbose = app.Flag("verbose", "Verbose mode.").Envar("APP_VERBOSE").Bool()
`, Want: `
read flag config @config cli.StringFlag
read flag c @c cli.StringFlag
read env APP_CONFIG @APP_CONFIG cli.StringFlag
read flag debug @debug cli.BoolFlag
read env APP_DEBUG @APP_DEBUG cli.BoolFlag
read env DEBUG @APP_DEBUG cli.BoolFlag
read flag workers @workers cli.IntFlag
read env APP_WORKERS @APP_WORKERS cli.EnvVars
read flag verbose @verbose app.Flag
read env APP_VERBOSE @APP_VERBOSE app.Flag().Envar
`},
	})
}

func TestConfig(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "viper", Src: `package x
func init() {
	viper.SetEnvPrefix("feed")
	viper.AutomaticEnv()
	viper.SetDefault("retry.max_attempts", 3)
	n := viper.GetInt("retry.max_attempts")
	viper.BindEnv("server.port", "FEED_PORT")
}`, Want: `
read config retry.max_attempts @retry.max_attempts viper.SetDefault
read config retry.max_attempts @retry.max_attempts viper.GetInt
read config server.port @server.port viper.BindEnv
read env FEED_PORT @FEED_PORT viper.BindEnv
derive env<-config FEED_ nest=_
`},
		{Name: "viper with a computed key replacer", Src: `package x
func initViper(cmd *cobra.Command) {
	v := viper.New()
	v.SetEnvPrefix("FB")
	v.AutomaticEnv()
	v.SetEnvKeyReplacer(strings.NewReplacer(replacements(cmd)...))
	v.GetBool("disableExec")
}`, Want: `
read config disableExec @disableExec v.GetBool
derive env<-config FB_ nest=_ split-words
`},
		{Name: "viper with a literal key replacer", Src: `package x
func init() {
	viper.SetEnvPrefix("app")
	viper.AutomaticEnv()
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
}`, Want: `
derive env<-config APP_ nest=_
`},
		{Name: "fields of no fixed structure", Src: `package x
type BucketConfig struct {
	Type   string                 ` + "`yaml:\"type\"`" + `
	Config any                    ` + "`yaml:\"config\"`" + `
	Raw    *yaml.Node             ` + "`yaml:\"raw\"`" + `
	Old    interface{}            ` + "`yaml:\"old\"`" + `
	Named  Named                  ` + "`yaml:\"named\"`" + `
}`, Want: `
field BucketConfig.config: any ident=Config
field BucketConfig.named:Named ident=Named
field BucketConfig.old: any ident=Old
field BucketConfig.raw:Node any ident=Raw
field BucketConfig.type: ident=Type
`},
		{Name: "struct tags chain into paths", Src: `package x
type Config struct {
	Retry  RetryConfig            ` + "`yaml:\"retry\"`" + `
	Limits map[string]*Limit      ` + "`yaml:\"limits\"`" + `
	Base                          ` + "`yaml:\",inline\"`" + `
	Secret string                 ` + "`yaml:\"-\"`" + `
	Token  string                 ` + "`env:\"FEED_TOKEN,required\" json:\"token,omitempty\"`" + `
	Plain  int
}
type RetryConfig struct {
	MaxAttempts int ` + "`mapstructure:\"max_attempts\"`" + `
}
type NotConfig struct { A int; b string }
`, Want: `
field NotConfig.A: weak
field Config.retry:RetryConfig ident=Retry
field Config.limits:Limit map ident=Limits
field Config.:Base inline
field Config.token: ident=Token
field Config.: env=FEED_TOKEN
field Config.Plain:
field RetryConfig.max_attempts: ident=MaxAttempts
read env FEED_TOKEN @Token struct tag env
`},
		{Name: "untagged structures loaded as config", Src: `package config
type ViperConfig struct {
	Title string
	Extend Extend
	Rules []struct {
		ID string
		Tags []string
	}
}
type Extend struct { DisabledRules []string }
func Load() {
	var vc ViperConfig
	_ = viper.Unmarshal(&vc)
	c := &Other{}
	_ = yaml.Unmarshal(data, c)
	_ = toml.Decode(s, &Settings{})
}`, Want: `
field ViperConfig.Title: weak
field ViperConfig.Extend:Extend weak
field ViperConfig.Rules:ViperConfig.Rules weak
field ViperConfig.Rules.ID: weak
field ViperConfig.Rules.Tags: weak
field Extend.DisabledRules: weak
root ViperConfig (loaded by viper.Unmarshal)
root Settings (loaded by toml.Decode)
`},
		{Name: "cli structs", Src: `package x
type CLI struct {
	DryRun bool   ` + "`help:\"Preview only.\"`" + `
	Region string ` + "`long:\"region\" env:\"FEED_REGION\"`" + `
	Path   string ` + "`arg:\"\" help:\"Path.\"`" + `
}`, Want: `
field CLI.DryRun: weak
field CLI.Region: weak
field CLI.Path: weak
field CLI.: env=FEED_REGION
read flag dry-run @DryRun kong field negatable
read flag region @Region struct tag long
read env FEED_REGION @Region struct tag env
`},
		{Name: "nested env prefixes", Src: "package x\ntype Options struct {\n\tCursor style.Styles `embed:\"\" envprefix:\"GUM_CURSOR_\"`\n}\ntype Styles struct {\n\tForeground string `env:\"FOREGROUND\"`\n}\n", Want: `
field Options.Cursor:Styles weak envprefix=GUM_CURSOR_
field Styles.Foreground: weak
field Styles.: env=FOREGROUND
read env FOREGROUND @Foreground struct tag env
derive env<-env GUM_CURSOR_ nest= scope=Styles
`},
		{Name: "an env tag with an index hole", Src: "package x\ntype StaticLink struct {\n\tName string `env:\"OG_LINK_#_NAME\"`\n\tPath string `env:\"OG_LINK_{n}_PATH\"`\n\tSize string `env:\"OG_LINK#SIZE\"`\n}\n", Want: `
field StaticLink.Name: weak
field StaticLink.: env=OG_LINK_#_NAME
dynamic env OG_LINK_*_NAME @Name
field StaticLink.Path: weak
field StaticLink.: env=OG_LINK_{n}_PATH
dynamic env OG_LINK_*_PATH @Path
field StaticLink.Size: weak
field StaticLink.: env=OG_LINK#SIZE
read env OG_LINK#SIZE @Size struct tag env
`},
		{Name: "go-flags env namespaces nest", Src: "package x\ntype Opts struct {\n\tStore StoreGroup `group:\"store\" env-namespace:\"STORE\"`\n}\ntype StoreGroup struct {\n\tBolt struct {\n\t\tTimeout int `long:\"timeout\" env:\"TIMEOUT\"`\n\t} `env-namespace:\"BOLT\"`\n}\n", Want: `
field Opts.Store:StoreGroup weak envprefix=STORE_
field StoreGroup.Bolt:StoreGroup.Bolt weak envprefix=BOLT_
field StoreGroup.Bolt.Timeout: weak
field StoreGroup.Bolt.: env=TIMEOUT
read env TIMEOUT @Timeout struct tag env
read flag timeout @Timeout struct tag long
derive env<-env STORE_ nest= scope=StoreGroup
derive env<-env BOLT_ nest= scope=StoreGroup.Bolt
`},
		{Name: "kingpin default envars", Src: "package main\nfunc main() {\n\tapp := kingpin.New(\"external-dns\", \"help\")\n\tapp.DefaultEnvars()\n}\n", Want: `
derive env<-flag EXTERNAL_DNS_ nest=_
program pkg
`},
		{Name: "a field of a named map type", Src: "package config\ntype Routing struct {\n\tRouters Routers `json:\",omitempty\"`\n\tPeers []string\n}\ntype Routers map[string]RouterParser\ntype RouterParser struct {\n\tType string\n}\n", Want: `
field RouterParser.Type: weak
field Routing.Peers:
field Routing.Routers:RouterParser map
`},
		{Name: "go-arg structs", Src: "package main\ntype Args struct {\n\tNamespace []string `arg:\"env:APP_NAMESPACE\" help:\"k8s namespace\"`\n\tAuthTTL string `arg:\"--auth-ttl,env:APP_AUTH_TTL\"`\n\tNoColor bool `arg:\"-n,env\"`\n\tFiles []string `arg:\"positional\"`\n\tServe *ServeCmd `arg:\"subcommand:serve\"`\n\tTimeout int `arg:\"-\"`\n\tPath string `arg:\"\" help:\"kong positional\"`\n}\n", Want: `
field Args.Namespace: weak
field Args.: env=APP_NAMESPACE
field Args.AuthTTL: weak
field Args.: env=APP_AUTH_TTL
field Args.NoColor: weak
field Args.: env=NOCOLOR
field Args.Files: weak
field Args.Serve:ServeCmd weak
field Args.Timeout: weak
field Args.Path: weak
read flag namespace @Namespace go-arg struct tag
read env APP_NAMESPACE @Namespace go-arg struct tag
read flag auth-ttl @AuthTTL go-arg struct tag
read env APP_AUTH_TTL @AuthTTL go-arg struct tag
read flag nocolor @NoColor go-arg struct tag
read env NOCOLOR @NoColor go-arg struct tag
`},
		{Name: "anonymous cli struct", Src: "package main\nvar cli struct {\n\tReadOnly bool `help:\"Refuse writes.\"`\n}\n", Want: "field cli.ReadOnly: weak\nread flag read-only @ReadOnly kong field negatable"},
	})
}

func TestProgramNames(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "urfave/cli names the program", Path: "cli.go", Src: `package main
func main() {
	app := cli.NewApp()
	app.Name = "lego"
	other := &cli.App{Name: "acme-cli", Usage: "x"}
	app.Name = "two words"
}`, Want: `
program acme-cli
program lego
program root
`},
	})
}

func TestFeatureFlags(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "sdks", Src: `package x
func f() {
	a, _ := ld.BoolVariation("new-checkout", ctx, false)
	b, _ := client.BooleanValue(ctx, "dark-mode", false, evalCtx)
	c := unleash.IsEnabled("beta-search")
	d := gb.IsOn("fast-path")
	e := split.Treatment("user", "split-x", nil)
	r := &flipt.EvaluationRequest{FlagKey: "flipt-flag"}
	s := client.String(context.Background(), "banner-text", "", nil)
	addr := flag.String("listen", ":8080", "address to listen on")
}`, Want: `
read flag listen @listen flag.String
read feature banner-text @banner-text client.String
read feature new-checkout @new-checkout ld.BoolVariation
read feature dark-mode @dark-mode client.BooleanValue
read feature beta-search @beta-search unleash.IsEnabled
read feature fast-path @fast-path gb.IsOn
read feature split-x @split-x split.Treatment
read feature flipt-flag @flipt-flag FlagKey
`},
	})
}

func TestProgramsAndCalls(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "main package in a directory", Path: "cmd/feedctl/main.go", Src: "package main\nfunc main() {}\n", Want: "program feedctl"},
		{Name: "main package at the root", Path: "main.go", Src: "package main\nfunc main() {}\n", Want: "program root"},
		{Name: "main package without main is not a program", Path: "cmd/x/doc.go", Src: "package main\n", Want: ""},
		{Name: "a test is not a program", Path: "cmd/x/main_test.go", Src: "package main\nfunc main() {}\n", Want: ""},
		{Name: "calls with name-like literals", Calls: true, Src: `package x
func f() { cfg.Var("FEED_MODE"); t.Run("has spaces", nil); x.Get(1, "b.c") }`, Want: `
call Var#0 FEED_MODE
call Get#1 b.c
`},
	})
}

func TestGoMod(t *testing.T) {
	for src, want := range map[string]string{
		"module github.com/acme/feed\n\ngo 1.22\n":   "feed",
		"module github.com/acme/feed/v2\n":           "feed",
		"// comment\nmodule example.com/tool // x\n": "tool",
	} {
		ps, _ := goMod("go.mod", []byte(src))
		if len(ps) != 1 || ps[0].Name != want {
			t.Errorf("goMod(%q) = %+v, want %s", src, ps, want)
		}
	}
	_, deps := goMod("go.mod", []byte("module x\n\nrequire github.com/spf13/viper v1.18.0\n\nrequire (\n\tgo.uber.org/zap v1.27.0 // indirect\n\tgithub.com/x/y/v2 v2.0.0\n)\n"))
	var names []string
	for _, d := range deps {
		names = append(names, d.Name)
	}
	if strings.Join(names, " ") != "github.com/spf13/viper go.uber.org/zap github.com/x/y/v2" {
		t.Errorf("dependencies = %q", names)
	}
}
