package rust

import (
	"bytes"
	"testing"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"

	"github.com/docverify/docverify/langs/langtest"
)

func TestEnvReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "idioms", Src: `use std::env;
use std::env::var_os;
const TOKEN: &str = "APP_TOKEN";
fn main() {
    let a = env::var("APP_A").unwrap();
    let b = std::env::var_os("APP_B");
    let c = env!("APP_C");
    let d = option_env!("APP_D");
    let e = dotenvy::var("APP_E");
    let t = env::var(TOKEN);
    let f = var_os("APP_F");
}
`, Want: `
const TOKEN=APP_TOKEN
program root
read env APP_A @APP_A env::var
read env APP_B @APP_B std::env::var_os
read env APP_C @APP_C env
read env APP_D @APP_D option_env
read env APP_E @APP_E dotenvy::var
read env APP_F @APP_F var_os
read env APP_TOKEN @TOKEN env::var of constant TOKEN
`, Path: "src/main.rs"},
		{Name: "wrappers and names built at run time", Src: `fn setting(key: &str) -> Option<String> {
    std::env::var(format!("APP_{}", key)).ok()
}
fn user(prefix: &str) -> String {
    env::var(format!("{prefix}_USER")).unwrap()
}
pub fn env_var_present(key: impl AsRef<OsStr>) -> bool {
    var_os(key).is_some()
}
`, Want: `
dynamic env *_USER @format in user
dynamic env APP_* @format in setting
wrapper env env_var_present#0 *
wrapper env setting#0 APP_*
wrapper env user#0 *_USER
`},
		{Name: "near misses", Src: `fn main() {
    // env::var("IN_COMMENT")
    println!("APP_PRINTED");
    Command::new("x").env("RUST_LOG", "debug");
    let v = vars().collect::<Vec<_>>();
}
`, Want: `
program root
`, Path: "src/main.rs"},
	})
}

func TestClap(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "derive", Src: `#[derive(Parser, Debug)]
#[command(author, version)]
struct Cli {
    /// How long to wait upstream.
    #[arg(long, env = "APP_UPSTREAM_TIMEOUT", default_value_t = 30)]
    upstream_timeout: u64,
    #[arg(long = "dry-run", env)]
    dry: bool,
    #[clap(short, long)]
    read_only: bool,
    #[arg(short = 'v')]
    verbose: bool,
    #[command(subcommand)]
    command: Commands,
}
#[derive(FromArgs)]
struct Opts {
    #[argh(option)]
    max_jobs: usize,
    #[argh(switch)]
    no_color: bool,
}
`, Want: `
read env APP_UPSTREAM_TIMEOUT @APP_UPSTREAM_TIMEOUT #[arg(env)] field
read env DRY @dry #[arg(env)] field dry
read flag dry-run @dry-run #[arg(long)] field
read flag max-jobs @max_jobs #[argh(option)] field
read flag no-color @no_color #[argh(switch)] field
read flag read-only @read_only #[clap(long)] field
read flag upstream-timeout @upstream_timeout #[arg(long)] field
read flag version @version clap's version setting
`},
		{Name: "builder", Src: `fn cli() -> Command {
    Command::new("app")
        .arg(Arg::new("mode").long("mode").env("APP_MODE"))
        .arg(Arg::new("input"))
}
`, Want: `
read env APP_MODE @APP_MODE env
read flag mode @mode long
`},
		{Name: "subcommand enum variants", Src: `#[derive(Subcommand)]
enum Cmd {
    /// Delete matching entries
    Prune {
        /// List them without deleting
        #[arg(short = 'n', long)]
        dry_run: bool,
    },
    Stats(StatsArgs),
    Sync,
}
`, Want: `
read flag dry-run @dry_run #[arg(long)] field
`},
		{Name: "clap rename_all spells the flags", Src: `#[derive(Args)]
#[command(next_help_heading = "Process Options", rename_all = "snake_case")]
pub struct ProcessArgs {
    #[arg(long)]
    pub read_only: bool,
    #[arg(long = "tree-mode")]
    pub tree: bool,
}
#[derive(Args)]
pub struct Kebab {
    #[arg(long)]
    pub get_threads: bool,
}
`, Want: `
read flag read_only @read_only #[arg(long)] field
read flag tree-mode @tree-mode #[arg(long)] field
read flag get-threads @get_threads #[arg(long)] field
`},
		{Name: "clap derive imported under another name, known by its field attributes", Src: `use clap::{Args as ClapArgs, Parser};
#[derive(ClapArgs, Debug)]
struct CacheArgs {
    #[arg(long)]
    cache_dir: Option<PathBuf>,
}
#[derive(Debug)]
struct Plain {
    score_threshold: f32,
}
`, Want: `
read flag cache-dir @cache_dir #[arg(long)] field
`},
		{Name: "clap's version setting defines --version", Src: `#[derive(Parser)]
#[command(name = "serve", author, about, version)]
pub struct Args {
    #[arg(long)]
    pub port: u16,
}
fn cli() -> Command {
    Command::new("serve").version("1.0")
}
`, Want: `
read flag port @port #[arg(long)] field
read flag version @version clap's version setting
read flag version @version clap's version setting
`},
		{Name: "near misses", Src: `struct Plain {
    #[arg(long)]
    not_derived: bool,
}
#[derive(Debug)]
struct Other { long: bool }
#[derive(Debug)]
enum Plainly { Prune { #[arg(long)] not_a_flag: bool } }
`, Want: ``},
	})
}

func TestSerde(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "config structures", Src: `#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    pub listen_addr: String,
    #[serde(rename = "db")]
    pub database: Database,
    #[serde(default)]
    pub limits: HashMap<String, Limit>,
    #[serde(flatten)]
    pub extra: Extra,
    #[serde(skip)]
    pub cache: Cache,
    #[serde(alias = "retries")]
    pub max_retries: Option<u32>,
}
#[derive(Deserialize)]
struct Database { pool_size: u32 }
fn load() -> Result<Server> {
    let s: Server = toml::from_str(&text)?;
    let t = serde_yaml::from_str::<Other>(&text)?;
    Ok(s)
}
`, Want: `
field Config.:Extra inline weak
field Config.db:Database weak
field Config.limits:Limit map weak
field Config.listen-addr: weak
field Config.max-retries: weak
field Config.retries: weak
field Database.pool_size: weak
root Config (serde structure named Config)
root Other (deserialized)
root Server (deserialized)
`},
		{Name: "self-describing values hold any keys", Src: `use serde_json::Value as JsonValue;
use serde_json::{Map, Value};
#[derive(Deserialize)]
struct KafkaParams {
    client_params: JsonValue,
    extra: Value,
    labels: Map<String, Value>,
    table: toml::Table,
    topic: String,
}
`, Want: `
field KafkaParams.client_params: any weak
field KafkaParams.extra: any weak
field KafkaParams.labels: any weak
field KafkaParams.table: any weak
field KafkaParams.topic: weak
`},
		{Name: "a Value of no serde crate is a value", Src: `#[derive(Deserialize)]
struct Setting { value: Value }
`, Want: `
field Setting.value: weak
`},
		{Name: "env prefixes", Src: `fn settings() -> Result<Settings, ConfigError> {
    Config::builder()
        .add_source(config::Environment::with_prefix("APP").separator("__"))
        .build()?
        .try_deserialize()
}
fn fig() -> Figment { Figment::new().merge(Env::prefixed("SVC_")) }
fn en() -> Config { envy::prefixed("KV_").from_env::<Config>().unwrap() }
fn tmp() -> TempDir { TempDir::with_prefix("vector-buffers").unwrap() }
`, Want: `
derive env<-config APP_ nest=__
derive env<-config KV_ nest=
derive env<-config SVC_ nest=
root Config (deserialized)
`},
	})
}

func TestSerdeEnums(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "serde by its helper attribute; variant fields and held structures", Src: `#[configurable_component]
#[derive(Clone, Debug)]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum OutputFormat {
    Shuffle { sequence: bool, lines: Vec<String> },
    ApacheCommon,
}

#[configurable_component]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SecretBackends {
    Exec(ExecBackend),
    Test(String, u8),
}

#[derive(Debug, Clone, Copy)]
pub enum Mode { Fast { depth: u8 } }

#[configurable_component]
#[serde(deny_unknown_fields)]
pub struct ConfigBuilder { pub sources: IndexMap<ComponentKey, SourceOuter> }

#[derive(Debug)]
pub struct Plain { pub depth: u8 }

#[configurable_component(secrets("aws"))]
pub struct AwsBackend {
    pub secret_id: String,
    #[serde(flatten)]
    pub region: RegionOrEndpoint,
}
`, Want: `
field AwsBackend.:RegionOrEndpoint inline weak
field AwsBackend.secret_id: weak
field ConfigBuilder.sources:SourceOuter map weak
field OutputFormat.lines: weak
field OutputFormat.sequence: weak
field SecretBackends.:ExecBackend inline weak
`},
	})
}

func TestFeatureFlags(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "sdks", Src: `fn f() {
    let on = client.bool_variation(&ctx, "new-checkout", false);
    let v = client.get_bool_value("dark-mode", None, None).await;
    if unleash.is_enabled("beta-search", None, false) {}
}
`, Want: `
read feature beta-search @beta-search is_enabled
read feature dark-mode @dark-mode get_bool_value
read feature new-checkout @new-checkout bool_variation
`},
	})
}

func TestKeySitesAsTheSiteOfEachKey(t *testing.T) {
	src := []byte("[dependencies]\nserde = \"1\"\n\n  tokio.workspace = true\n\"quoted\" = 1\nserde_json={ version = \"1\" }\n")
	got := keySites(src)
	for key, want := range map[string]verify.Site{"serde": {Line: 2, Col: 1}, "tokio": {Line: 4, Col: 3}, "serde_json": {Line: 6, Col: 1}, "version": {}} {
		if want == (verify.Site{}) {
			if _, ok := got[key]; ok {
				t.Errorf("%s is inside a line, not a key that opens one", key)
			}
			continue
		}
		if got[key] != want || lang.SiteAt(src, bytes.Index(src, []byte(key))) != want {
			t.Errorf("%s at %v, want %v", key, got[key], want)
		}
	}
}
