package python

import (
	"strings"
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestEnvReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "idioms", Src: `import os
from os import environ
a = os.environ["FEED_A"]
b = os.environ.get("FEED_B", "x")
c = os.getenv('FEED_C')
d = environ["FEED_D"]
if "FEED_E" in os.environ: pass
f = env.bool("FEED_F", default=False)
g = config("FEED_G", cast=int)
os.environ.setdefault("FEED_H", "1")
`, Want: `
read env FEED_A @FEED_A os.environ
read env FEED_B @FEED_B os.environ.get
read env FEED_C @FEED_C os.getenv
read env FEED_D @FEED_D environ
read env FEED_E @FEED_E os.environ
read env FEED_F @FEED_F env.bool
read env FEED_G @FEED_G config
read env FEED_H @FEED_H os.environ.setdefault
`},
		{Name: "constants, wrappers, dynamic", Src: `import os
TOKEN_VAR = "FEED_TOKEN"
class Env:
    REGION = "FEED_REGION"
def get_env(name, default=None):
    return os.environ.get(name, default)
class Settings:
    def var(self, key):
        return os.getenv("FEED_" + key)
t = os.environ[TOKEN_VAR]
r = os.getenv(Env.REGION)
u = os.getenv(f"{prefix}_USER")
v = os.getenv("%s_PASS" % prefix)
`, Want: `
const TOKEN_VAR=FEED_TOKEN
const REGION=FEED_REGION
wrapper env get_env#0 *
wrapper env var#0 FEED_*
dynamic env FEED_* @FEED_ in var
dynamic env *_USER @"{pr"
dynamic env *_PASS @"%s_"
read env FEED_TOKEN @TOKEN_VAR os.environ of constant TOKEN_VAR
read env FEED_REGION @Env.REGION os.getenv of constant REGION
`},
		{Name: "names upper-cased after a prefix the callers give", Src: `import re
def to_env_var(*xs):
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", x).upper() for x in xs if x)
`, Want: `
dynamic env * @to_env_var from names after the callers' prefix
`},
		{Name: "upper-casing that is not about the environment", Src: `def shout(*words):
    return "_".join(w.upper() for w in words)
def env_label(x):
    return x.upper()
`, Want: ``},
		{Name: "near misses", Src: `import os
# os.environ["IN_COMMENT"]
print("FEED_PRINTED")
settings.environ_get("NOT_IT")
x = config("lowercase_key")
`, Want: ``},
	})
}

func TestFlags(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "option names dashed into flags", Src: `for name in fields:
    parser.add_argument("--" + name.replace("_", "-"))
`, Want: `
dynamic flag * @name.replace from names
`},
		{Name: "names dashed for another use", Src: `def rule_name(model):
    return model.lower().replace("_", "-")
`, Want: ``},
		{Name: "argparse", Src: `parser.add_argument("--dry-run", "-n", action="store_true")
parser.add_argument("--color", action=argparse.BooleanOptionalAction)
parser.add_argument("path")
`, Want: `
read flag dry-run @--dry-run parser.add_argument
read flag color @--color parser.add_argument
read flag color @--color parser.add_argument negatable
read flag path @path parser.add_argument
`},
		{Name: "click and typer", Src: `@click.command()
@click.option("--shout/--no-shout", envvar="FEED_SHOUT")
@click.option("--region", envvar=["FEED_REGION", "REGION"])
def cli(shout, region): pass

@app.command()
def run(upstream_timeout: int = typer.Option(30, envvar="FEED_TIMEOUT"), force: bool = False, name: str = "x"):
    pass

if __name__ == "__main__":
    cli(auto_envvar_prefix="FEED")
`, Want: `
read flag shout @--shout click.option
read flag no-shout @--shout click.option
read env FEED_SHOUT @FEED_SHOUT envvar
read flag region @--region click.option
read env FEED_REGION @FEED_REGION envvar
read env REGION @REGION envvar
read flag upstream-timeout @upstream_timeout flag.field
read env FEED_TIMEOUT @FEED_TIMEOUT envvar
read flag force @force flag.field negatable
read flag name @name flag.field
derive env<-flag FEED_ nest=_
program main
`},
		{Name: "click context settings", Src: `@click.command(context_settings={"auto_envvar_prefix": "UVICORN"})
def main(): pass
`, Want: `derive env<-flag UVICORN_ nest=_`},
		{Name: "hand-written parsers", Src: `import sys
if arg == "--watch" or "--dump" in sys.argv:
    pass
if arg == "watch":
    pass
`, Want: `
read flag watch @--watch arg == "--watch"
read flag dump @--dump "--dump" in sys.argv
`},
		{Name: "cleo", Src: `options = [option("dry-run", None, "Output only.", flag=True), option("extras", "E", "Extras.")]`, Want: `
read flag dry-run @dry-run option
read flag extras @extras option
`},
		{Name: "absl", Src: `flags.DEFINE_string("model_dir", None, "Where.")`, Want: `read flag model_dir @model_dir flags.DEFINE_string`},
	})
}

func TestConfig(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "pydantic settings", Src: `class Retry(BaseModel):
    max_attempts: int = 3

class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="feed_", env_nested_delimiter="__")
    retry: Retry = Retry()
    api_key: SecretStr = Field(alias="FEED_KEY")
    _private: int = 1
    version: ClassVar[str] = "1"

class Legacy(BaseSettings):
    region: Optional[str] = None
    class Config:
        env_prefix = "LEGACY_"
`, Want: `
field Retry.max_attempts:
field Settings.retry:Retry
field Settings.api_key:
read env FEED_KEY @api_key pydantic Field
const version=1
const env_prefix=LEGACY_
derive env<-config FEED_ nest=__ scope=Settings
field Legacy.region:
derive env<-config LEGACY_ nest= scope=Legacy
`},
		{Name: "configuration dataclasses", Src: `@dataclasses.dataclass
class Configuration:
    root: str = "."
    tag_regex: Pattern[str] = DEFAULT_TAG_REGEX

@attr.s(auto_attribs=True)
class BuildOptions:
    jobs: int = 1

@dataclass
class Version:
    distance: int = 0
`, Want: `
const root=.
field Configuration.root:
field Configuration.tag_regex:Pattern
field BuildOptions.jobs:
`},
		{Name: "configparser", Src: `cfg.get("server", "port")
config["database"]["url"]
config.getboolean("cache", "enabled")
`, Want: `
read config server.port @port cfg.get
read config database.url @url config["database"]
read config cache.enabled @enabled config.getboolean
`},
	})
}

func TestFeatureFlags(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "sdks", Src: `a = client.get_boolean_value("new-ui", False)
b = ld_client.variation("checkout-v2", ctx, False)
c = unleash.is_enabled("beta")
d = gb.is_on("fast-path")
e = split.get_treatment(user, "split-x")
f = flipt.evaluation.boolean(flag_key="flipt-flag", entity_id="u")
`, Want: `
read feature new-ui @new-ui client.get_boolean_value
read feature checkout-v2 @checkout-v2 ld_client.variation
read feature beta @beta unleash.is_enabled
read feature fast-path @fast-path gb.is_on
read feature split-x @split-x split.get_treatment
read feature flipt-flag @flipt-flag flag_key
`},
	})
}

func TestProgramsAndTests(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "__main__ block", Path: "tools/sync.py", Src: "if __name__ == \"__main__\":\n    main()\n", Want: "program sync"},
		{Name: "__main__ module", Path: "feed/__main__.py", Src: "if __name__ == '__main__':\n    main()\n", Want: "program feed"},
		{Name: "setup.py entry points", Path: "setup.py", Src: `setup(name="feed", entry_points={"console_scripts": ["feedctl = feed.cli:main"]})`, Want: "program feedctl"},
	})
	for p, want := range map[string]bool{"tests/test_x.py": true, "pkg/x_test.py": true, "conftest.py": true, "pkg/x.py": false, "pkg/testing.py": false} {
		if got := isTest(p); got != want {
			t.Errorf("isTest(%q) = %v", p, got)
		}
	}
}

func TestManifests(t *testing.T) {
	src := "[project]\nname = \"feed\"\n\n[project.scripts]\nfeedctl = \"feed.cli:main\"\n\"feed-admin\" = \"feed.admin:main\"\n\n[tool.poetry.scripts]\nfeedp = \"feed.cli:main\"\n"
	var got []string
	progs, _ := pyproject("pyproject.toml", []byte(src))
	for _, p := range progs {
		got = append(got, p.Name)
	}
	if len(got) != 3 || got[0] != "feedctl" || got[1] != "feed-admin" || got[2] != "feedp" {
		t.Errorf("pyproject programs = %q", got)
	}
	cfg := "[metadata]\nname = feed\n[options.entry_points]\nconsole_scripts =\n    feedcfg = feed.cli:main\n"
	ps, _ := setupCfg("setup.cfg", []byte(cfg))
	if len(ps) != 1 || ps[0].Name != "feedcfg" {
		t.Errorf("setup.cfg programs = %+v", ps)
	}
}

func TestDependencies(t *testing.T) {
	src := "[project]\nname = \"uvicorn\"\ndependencies = [\"click>=7.0\", \"h11>=0.8\"]\n\n[project.optional-dependencies]\nstandard = [\"watchfiles>=0.13\", \"uvloop ; sys_platform != 'win32'\"]\n"
	_, deps := pyproject("pyproject.toml", []byte(src))
	var names []string
	for _, d := range deps {
		names = append(names, d.Name)
	}
	if strings.Join(names, " ") != "click h11 uvloop watchfiles" {
		t.Errorf("dependencies = %q", names)
	}
	_, deps = requirements("requirements-dev.txt", []byte("# dev\n-r base.txt\nrequests[socks]==2.31\npytest>=7\n"))
	if len(deps) != 2 || deps[0].Name != "pytest" || deps[1].Name != "requests" {
		t.Errorf("requirements = %+v", deps)
	}
}
