package extract

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/lines"
)

// render prints claims one a line, in the form the cases below expect:
// "line:col kind text" and then only the attributes that are set.
func render(cs []verify.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%d:%d %s %s", c.Pos.Line, c.Pos.Col, c.Kind, c.Text)
		if !c.Explicit {
			b.WriteString(" inferred")
		}
		if c.Command != "" {
			fmt.Fprintf(&b, " cmd=%s", c.Command)
		}
		if c.Safety != "" {
			fmt.Fprintf(&b, " safety=%q", c.Safety)
		}
		if c.Historical != "" {
			b.WriteString(" historical")
		}
		if c.Deprecated != "" {
			b.WriteString(" deprecated")
		}
		if c.Owner != "" {
			fmt.Fprintf(&b, " owner=%s", c.Owner)
		}
		if c.Edition != "" {
			fmt.Fprintf(&b, " edition=%s", c.Edition)
		}
		if c.SuppressedBy != nil {
			b.WriteString(" suppressed")
		}
		if c.Family {
			b.WriteString(" family")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func claimsOf(t *testing.T, md string) string {
	t.Helper()
	return claimsOfPath(t, "doc.md", md)
}

func claimsOfPath(t *testing.T, path, md string) string {
	t.Helper()
	d, err := Markdown(path, []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	sortClaims(d.Claims)
	// Positions are checked against the text, not only against the cases:
	// the document must have the claimed name at each claim's line:col.
	li := lines.New([]byte(md))
	for _, c := range d.Claims {
		line := []rune(li.Text(c.Pos.Line))
		text := c.Text
		if c.Source == verify.ConfigBlock && c.Kind == verify.Config {
			text = text[strings.LastIndexByte(text, '.')+1:] // nested keys point at their last segment
		}
		if c.Pos.Col < 1 || c.Pos.Col > len(line) || !strings.HasPrefix(string(line[c.Pos.Col-1:]), text) && !strings.HasPrefix(string(line[c.Pos.Col-1:]), c.Text) {
			t.Errorf("claim %s at %d:%d: the text there is %q", c.Text, c.Pos.Line, c.Pos.Col, string(line[min(len(line), max(0, c.Pos.Col-1)):]))
		}
	}
	return render(d.Claims)
}

func sortClaims(cs []verify.Claim) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Pos.Before(cs[j-1].Pos); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

type extractCase struct {
	name string
	md   string
	want string
}

func runCases(t *testing.T, cases []extractCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := claimsOf(t, c.md)
			want := strings.TrimLeft(c.want, "\n")
			if got != want {
				t.Errorf("claims of\n%s\ngot:\n%swant:\n%s", c.md, got, want)
			}
		})
	}
}

func TestInlineCode(t *testing.T) {
	runCases(t, []extractCase{
		{"the incident", "To disable Dynamic Content Prioritization, set the feature flag `ENABLE_DYNAMIC_CONTENT_PRIORITIZATION` to `false`.\n", `
1:66 feature ENABLE_DYNAMIC_CONTENT_PRIORITIZATION safety="disable"
`},
		{"explicit env forms", "Set `LOG_LEVEL` to `debug`. Export `$REGION`. `CACHE_DIR=/tmp` works. The `PORT` environment variable.\n", `
1:6 env LOG_LEVEL
1:38 env REGION
1:48 env CACHE_DIR
1:76 env PORT
`},
		// one plain word is a claim only when the sentence calls it a key
		{"one word called a config key", "The `upstream` config key names the server; the `upstream` server answers.\n", `
1:6 config upstream
`},
		// an example read, written as code, names no variable
		{"placeholder in a read written as code", "Code calls `DATADOG_ENV['DD_SOME_VAR']` and `ENV['FEED_REAL']`.\n", `
1:51 env FEED_REAL
`},
		// another component's environment, by its proper name
		{"a component's environment", "Set `DD_APM_NON_LOCAL_TRAFFIC=true` in the Agent's environment. Set `FEED_MODE=1` in the app's environment.\n", `
1:6 env DD_APM_NON_LOCAL_TRAFFIC owner=agent
1:70 env FEED_MODE
`},
		{"shape alone is inferred", "The service reads `SHARD_COUNT` at start.\n", `
1:20 env SHARD_COUNT inferred
`},
		{"not names", "Returns `NOT_FOUND` or `RESOURCE_EXHAUSTED`; see `config.yaml`, `os.Getenv`, `example.com`, `GET`, `v1.2.3`, `<TOKEN>`, `YOUR_API_KEY`, `FOO_BAR`.\n", ``},
		{"single upper words need a cue", "Use `PORT` or `DEBUG`.\n", ``},
		// a security toggle is a safety mechanism: a phantom one leaves open
		// what the docs say is closed
		{"security toggles", "Set `FEED_STRICT_CSP=1` to send a strict Content-Security-Policy header.\n\nThe `--encrypt-at-rest` flag encrypts the feed store.\n\nAdd hosts to `FEED_ALLOWED_HOSTS`, the allow-list of callers.\n", `
1:6 env FEED_STRICT_CSP safety="content security policy"
3:6 flag --encrypt-at-rest safety="encryption"
5:15 env FEED_ALLOWED_HOSTS inferred safety="allow-list"
`},
		// what leaving a setting out does, or the value it defaults to, is
		// no safety mechanism; a setting that turns something off is
		{"absence and defaults are not switches", "Set `FEED_GTM_ID` to the container ID. Leave empty to disable.\n\nSet `FEED_SMTP_HOST` to send mail; when not set, delivery is disabled.\n\n`FEED_CDN_HOST` falls back to `FEED_HOST`.\n\nSet `FEED_SENDING=false` to disable delivery during an incident.\n\nIf the primary fails, `FEED_REPLICA_URL` is the fallback.\n", `
1:6 env FEED_GTM_ID
3:6 env FEED_SMTP_HOST
5:2 env FEED_CDN_HOST inferred
5:32 env FEED_HOST inferred
7:6 env FEED_SENDING safety="disable"
9:24 env FEED_REPLICA_URL inferred
`},
		{"flags", "Pass `--dry-run` to preview; `--timeout=30s` bounds it.\n", `
1:7 flag --dry-run safety="dry run"
1:31 flag --timeout safety="timeout"
`},
		{"an arrow points from an old name to its successor", "* `PMD_VF_APEXDIRECTORIES` ➡️ `PMD_VISUALFORCE_APEX_DIRECTORIES`\n* `OLD_NAME` -> `NEW_NAME`\n* `LEFT_NAME` and `RIGHT_NAME`\n", `
1:4 env PMD_VF_APEXDIRECTORIES inferred historical
1:32 env PMD_VISUALFORCE_APEX_DIRECTORIES inferred
2:4 env OLD_NAME inferred historical
2:18 env NEW_NAME inferred
3:4 env LEFT_NAME inferred
3:20 env RIGHT_NAME inferred
`},
		{"short flags run together are no single-dash flag", "You can't combine flags like this `-uv`, nor `-xvf`; the flag `-race` and the flag `-run` stay.\n", `
1:64 flag -race
1:85 flag -run
`},
		{"a key with its value in a code span is checked as a misspelling", "Provide a `ignorePseudoClasses: []` secondary option, or set `retry.max_attempts: 3` in the config file.\n", `
1:12 config ignorePseudoClasses inferred
1:63 config retry.max_attempts inferred
`},
		{"cells of a raw HTML table that hold one name", "<table>\n<tr>\n<td>exclude_files</td>\n<td>Files to skip, e.g. <code>--no-cache</code></td>\n</tr>\n<tr><td><code>--dry-run</code></td><td>true</td></tr>\n</table>\n", `
3:5 config exclude_files inferred
4:31 flag --no-cache
6:15 flag --dry-run safety="dry run"
`},
		{"code elements of an HTML list", "<ul>\n<li>Set <code>FEED_DATA_DIR</code> to keep a browser profile.</li>\n</ul>\n", `
2:15 env FEED_DATA_DIR
`},
		{"a path under a variable", "Put it in `$XDG_HOME/tool/config.yml` or `${TOOL_DIR}/x`, not `$5/x`.\n", `
1:13 env XDG_HOME inferred
1:45 env TOOL_DIR inferred
`},
		{"one option's spellings split at a slash", "The `--at-operation/--at-top` option loads an old version.\n", `
1:6 flag --at-operation
1:21 flag --at-top
`},
		{"an underscored name before option is a key", "Zola can write it with the `highlighting_themes_css` option, unlike the `dry-run` option.\n", `
1:29 config highlighting_themes_css
`},
		{"an option named after the product its sentence names is that product's", "For Neoformat to use it, set the `neoformat_try_node_exe` option.\n", `
1:35 config neoformat_try_node_exe owner=neoformat
`},
		{"a file name is no safety word", "That stores it in auth.json, and the `--global` flag keeps it for every project.\n", `
1:39 flag --global
`},
		{"a link to another project's docs", "Use [`--experimental-require-module`](https://nodejs.org/api/modules.html) or [`--own`](./cli.md).\n", `
1:7 flag --experimental-require-module owner=node
1:81 flag --own
`},
		// a plain-text syntax block's capitals are its arguments; in brackets
		// in lower case they may be an INI section, so only capitals count
		{"syntax placeholders", "~~~ txt\nmultisocket [NUM_SOCKETS]\n~~~\n\nSet `NUM_SOCKETS` to 2 and `FEED_MODE` to fast.\n", `
5:29 env FEED_MODE
`},
		{"usage placeholders", "```bash\napp config [options] [setting-key] [value...]\n```\n\n`setting-key` is a configuration option name; the `retry.max` setting is real.\n", `
5:52 config retry.max
`},
		{"another program's flag", "Use docker's `--rm` flag.\n", `
1:15 flag --rm owner=docker
`},
		{"a possessive attributes a name", "Set pydantic's `env_prefix` config option, or viper's `--config` flag.\n", `
1:17 config env_prefix owner=pydantic
1:56 flag --config owner=viper
`},
		{"inline command", "Run `myapp serve --read-only` in an emergency.\n", `
1:18 flag --read-only cmd=myapp safety="read-only"
`},
		{"a prefix written as code is no name", "It reads `os.Getenv(\"FEED_\" + key)`.\n", ``},
		{"env read written as code", "It reads `process.env.FEED_URL` and `os.Getenv(\"FEED_KEY\")`.\n", `
1:23 env FEED_URL
1:49 env FEED_KEY
`},
		{"dotted keys need a config cue to be claims; without one they are checked only as misspellings", "Set the `retry.max_attempts` config key. Call `client.close` when done.\n", `
1:10 config retry.max_attempts
1:48 config client.close inferred
`},
		{"lower-case feature flags", "The `new-checkout` feature flag gates the new flow.\n", `
1:6 feature new-checkout
`},
		{"columns count characters", "Ünïcödé — `APP_TOKEN` is the environment variable.\n", `
1:12 env APP_TOKEN
`},
		{"heading context", "# Kill switches\n\nThe `FEED_PAUSE` environment variable stops ingestion.\n", `
3:6 env FEED_PAUSE safety="kill switch"
`},
	})
}

func TestProse(t *testing.T) {
	runCases(t, []extractCase{
		{"assignment", "Run it with FEED_REGION=eu in the environment.\n", `
1:13 env FEED_REGION
`},
		{"wording", "The FEED_MODE environment variable picks the mode. Set FEED_LIMIT_RPS to 0 to lift the rate limit.\n", `
1:5 env FEED_MODE
1:56 env FEED_LIMIT_RPS safety="rate limit"
`},
		{"a family in prose", "Exec into the container, set the GOOSE env vars, and run it.\n\nSet the FEED_MODE env var to fast.\n", `
1:34 env GOOSE inferred family
3:9 env FEED_MODE
`},
		{"a plural after a list is the list's", "Set the `FEED_KEY` and `FEED_SECRET` variables, or the `--tls` options.\n", `
1:10 env FEED_KEY
1:25 env FEED_SECRET
1:57 flag --tls inferred safety="TLS" family
`},
		{"flag wording", "Use the --force flag with care. A dash -- like this -- is not a flag.\n", `
1:9 flag --force
`},
		{"a list item that is a flag alone", "**CLI Flags:**\n\n- --format-errors\n- -q, --quiet\n- not --this one\n", `
3:3 flag --format-errors
4:7 flag --quiet
`},
		{"a shell expansion in plain text", "* Linux: _$XDG_HOME/zellij_ and ${APP_DATA_DIR}/x, not $5 or $HOME; set $APP_MODE first\n", `
1:12 env XDG_HOME inferred
1:35 env APP_DATA_DIR inferred
1:74 env APP_MODE
`},
		{"urls and comments are not prose", "See https://x.io/?FEED_X=1 and [docs](https://x.io/FEED_Y=2). <!-- FEED_Z=3 -->\n", ``},
	})
}

func TestShellBlocks(t *testing.T) {
	runCases(t, []extractCase{
		{"console session", "```console\n$ FEED_REGION=eu ./bin/feed serve --dry-run --port=8080\nServing with --verbose\n```\n", `
2:3 env FEED_REGION cmd=./bin/feed
2:35 flag --dry-run cmd=./bin/feed safety="dry run"
2:45 flag --port cmd=./bin/feed
`},
		{"a tool runner's flags before the program are the runner's", "```bash\nuvx --with llm-anthropic llm 'hi'\nnpx --yes feed --port 1\n```\n", `
2:5 flag --with cmd=uvx
3:5 flag --yes cmd=npx
3:16 flag --port cmd=feed
`},
		{"a bar between words is either subcommand, not a pipe", "```bash\n./feed start|run --config x\ncat log|grep --count y\n```\n", `
2:18 flag --config cmd=./feed
3:14 flag --count cmd=grep
`},
		{"a command tree's options are the program's", "```bash\nfeed\n  --verbose  # enable verbose logging\n  serve [NAME]  # serve it\n    -p, --port  # the port\n    --no-tls\n```\n", `
3:3 flag --verbose cmd=feed
5:9 flag --port cmd=feed
6:5 flag --no-tls cmd=feed safety="TLS"
`},
		{"an untagged block of a command with flags", "```\nfeed approve_policies --clear-approvals\n```\n", `
2:23 flag --clear-approvals cmd=feed
`},
		{"other programs keep their command", "```sh\nkubectl --namespace feed get pods\ngit commit --amend\n```\n", `
2:9 flag --namespace cmd=kubectl
3:12 flag --amend cmd=git
`},
		// an indented block of one command over several lines, with an
		// option whose value is not the image
		{"continued docker run in an untagged block", "Run it:\n\n    docker run --rm --link postgres:db \\\n        -e FEED_DB_USER=feed \\\n        acme/feed\n", `
3:16 flag --rm cmd=docker
3:21 flag --link cmd=docker
4:12 env FEED_DB_USER cmd=feed
`},
		// a debugger runs the program after "--": the flags are its
		{"a debugger's program", "```bash\nlldb -- ../uwsgi/uwsgi --pythonpath x --http :8000\n```\n", `
2:24 flag --pythonpath cmd=../uwsgi/uwsgi
2:39 flag --http cmd=../uwsgi/uwsgi
`},
		{"docker run env and arguments are the image's", "```bash\ndocker run --rm -e FEED_DB_URL=x --env FEED_MODE feed:latest --port 1\n```\n", `
2:12 flag --rm cmd=docker
2:20 env FEED_DB_URL cmd=feed
2:40 env FEED_MODE cmd=feed
2:62 flag --port cmd=feed
`},
		{"image references name their program", "```bash\ndocker run -p 80:80 --name web ghcr.io/acme/feed:1.2@sha256:ab --dry-run\n```\n", `
2:21 flag --name cmd=docker
2:64 flag --dry-run cmd=feed safety="dry run"
`},
		{"runners", "```sh\ngo run ./cmd/feed -dry-run\nnpx feedctl --force\npython -m feed.cli --once\nsudo -E env A_B=1 feed --x\n```\n", `
2:19 flag -dry-run inferred cmd=./cmd/feed safety="dry run"
3:13 flag --force cmd=feedctl
4:20 flag --once cmd=feed.cli
5:13 env A_B cmd=feed
5:24 flag --x cmd=feed
`},
		{"JVM, Ruby, PHP and Rust runners", "```sh\njava -Xmx1g -jar build/libs/billing-1.4.2.jar --verbose\nbundle exec tool --force\nphp artisan mail:send --queue\ncargo run --release -- --upstream-timeout 5\n```\n", `
2:47 flag --verbose cmd=billing
3:18 flag --force cmd=tool
4:23 flag --queue cmd=artisan
5:24 flag --upstream-timeout cmd=. safety="timeout"
`},
		{"a tool that runs a package manager for the user", "```sh\nddev composer require --dev\nddev start --skip-confirmation\nnpm install --save-dev\n```\n", `
2:23 flag --dev cmd=composer
3:12 flag --skip-confirmation cmd=ddev
4:13 flag --save-dev cmd=npm
`},
		{"a VM manager that runs a container tool inside it", "```sh\nlima nerdctl --snapshotter=stargz run alpine\nlima sudo nerdctl run --privileged alpine\nlima start --cpus 4\n```\n", `
2:14 flag --snapshotter cmd=nerdctl
3:23 flag --privileged cmd=nerdctl
4:12 flag --cpus cmd=lima
`},
		{"a name shown with a placeholder is one everywhere in the doc", "Set `TASK_X_{FEATURE}=1` to try one.\n\n```sh\nexport TASK_X_FEATURE=1\nexport TASK_X_REAL=1\n```\n", `
5:8 env TASK_X_REAL
`},
		{"a script's own variables", "```sh\nEXPECTED=\"$(cat sum)\"\nACTUAL=\"$(sha sum)\"\n[ \"$EXPECTED\" = \"${ACTUAL}\" ]\nFEED_MODE=fast\nexport FEED_TOKEN=x\necho \"$FEED_TOKEN\"\n```\n", `
5:1 env FEED_MODE
6:8 env FEED_TOKEN
`},
		{"export and comments", "```bash\n# kill switch for the importer\nexport IMPORT_PAUSED=1\n```\n", `
3:8 env IMPORT_PAUSED safety="kill switch"
`},
		{"a variable the doc says the reader fills in", "```bash\nrbenv local $VERSION\nexport FEED_TOKEN=$TOKEN\n```\n\nWhere `$VERSION` is the version you installed; replace $TOKEN with yours. Where `FEED_MODE` is the mode.\n", `
3:8 env FEED_TOKEN
6:82 env FEED_MODE inferred
`},
		{"placeholders survive", "```sh\nfeed login --token <YOUR_TOKEN> --region <region>\n```\n", `
2:12 flag --token cmd=feed
2:33 flag --region cmd=feed
`},
		{"end of options", "```sh\nfeed run -- --not-ours\n```\n", ``},
		{"a bare single-word assignment is shape-only", "```sh\nENDPOINT=testing.com\nexport GREETING=hi\nAPP_MODE=x\nMY_VAR=1\nPORT=1 ./app\n```\n", `
2:1 env ENDPOINT inferred
3:8 env GREETING
4:1 env APP_MODE
6:1 env PORT cmd=./app
`},
		{"lower-case shell variables are the script's", "```sh\nfor f in *; do echo $f; done\nname=x feed\n```\n", ``},
		{"untagged command lines", "```\nsudo npm install -g app --unsafe-perm\n```\n", `
2:25 flag --unsafe-perm cmd=npm
`},
		{"untagged text is not commands", "```\nStarting server --verbose\n```\n", ``},
		{"dockerfile", "```dockerfile\nENV FEED_A=1 FEED_B=2\nENV FEED_C 3\n```\n", `
2:5 env FEED_A
2:14 env FEED_B
3:5 env FEED_C
`},
	})
}

func TestConfigBlocks(t *testing.T) {
	runCases(t, []extractCase{
		// a Lua config file: the first level of the table it returns, and
		// a config builder's fields; a Lua script is no config
		{"Lua config", "```lua\nreturn {\n  wsl_domains = {\n    { name = 'x', -- a = 1\n    },\n  },\n  font_size = 12,\n}\n```\n\n```lua\nconfig.tls_domains = {}\n```\n\n```lua\nlocal t = { a = 1 }\n```\n", `
3:3 config wsl_domains
7:3 config font_size
12:8 config tls_domains safety="TLS"
`},
		// an option shown commented out beside the others is documented;
		// a comment in words is not a key
		{"commented-out option", "Add this to your config file:\n\n```yaml\nserver:\n  port: 80\n  # readOnly: true\n  # Note: restart after a change\n  # default: 10\n```\n", `
5:3 config server.port
6:5 config server.readOnly safety="read-only"
`},
		// HCL agent config: blocks are sections; a Terraform file is Terraform's
		{"HCL config", "Configure telemetry in the agent configuration:\n\n```hcl\ntelemetry {\n  public_allocation_metrics = true\n}\n```\n\n```hcl\nresource \"feed_job\" \"web\" {\n  jobspec = \"x\"\n}\n```\n", `
5:3 config telemetry.public_allocation_metrics
`},
		{"own config", "Add this to your config file:\n\n```yaml\nretry:\n  max_attempts: 3\nserver:\n  read_only: true\n```\n", `
5:3 config retry.max_attempts
7:3 config server.read_only safety="read-only"
`},
		{"a config-only file ending in the info string", "```toml title=\"feed.toml\"\n[server]\nport = 8080\n```\n", `
3:1 config server.port
`},
		{"a data file in the info string", "```json title=\"data.json\"\n{\"server\": {\"port\": 1}}\n```\n", ``},
		{"config file in the info string", "```toml title=\"config.toml\"\n[server]\nport = 8080\n```\n", `
3:1 config server.port
`},
		{"no config context", "```yaml\nname: x\nitems: [1]\n```\n", ``},
		{"map keys that name packages are the user's data", "Add this to your config file:\n\n```json\n{\"require\": {\"acme/package\": \"^1.0\"}, \"config\": {\"sort-packages\": true}}\n```\n", `
4:51 config config.sort-packages
`},
		{"api responses are not config", "The API returns this JSON configuration:\n\n```json\n{\"id\": 1}\n```\n", ``},
		{"dotenv", "```env\n# the database\nFEED_DB_URL=postgres://\nexport FEED_MODE=fast\n```\n", `
3:1 env FEED_DB_URL
4:8 env FEED_MODE
`},
		// not YAML (a map and a list mixed): its keys are read line by line
		{"compose environment", "```yaml\nservices:\n  feed:\n    image: feed\n    environment:\n      FEED_MODE: fast\n      - ignored\n```\n", `
6:7 env FEED_MODE
`},
		{"compose list environment", "```yaml\nservices:\n  feed:\n    image: feed\n    environment:\n      - FEED_MODE=fast\n      - FEED_DEBUG\n```\n", `
6:9 env FEED_MODE cmd=feed
7:9 env FEED_DEBUG cmd=feed
`},
		{"compose environment of an image", "```yaml\nservices:\n  grafana:\n    image: grafana/grafana:latest\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n```\n", `
6:9 env GF_SECURITY_ADMIN_PASSWORD cmd=grafana
`},
		{"a dotted name before the word file", "A `fipsmodule.cnf` configuration file, and the `server.port` key.\n", `
1:49 config server.port
`},
		{"kubernetes env", "```yaml\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: feed\n      env:\n        - name: FEED_MODE\n          value: fast\n```\n", `
8:17 env FEED_MODE
`},
		{"package manifests are other tools'", "Configuration:\n\n```json\n{\"name\": \"x\", \"scripts\": {\"build\": \"tsc\"}, \"dependencies\": {}}\n```\n", ``},
		{"another tool's config", "A simple supervisor configuration:\n\n```ini title=\"supervisord.conf\"\n[program:app]\ncommand=app\n```\n", `
5:1 config program:app.command owner=supervisord
`},
		{"an observability agent's config", "The collector's configuration:\n\n```yaml title=\"otel-collector-config.yaml\"\nreceivers:\n  filelog:\n    include: [/var/log/*.log]\n```\n", `
6:5 config receivers.filelog.include owner=the OpenTelemetry Collector
`},
		{"another tool's config file", "Update your `coc-settings.json` settings:\n\n```json\n{\"coc.preferences.formatOnSave\": true}\n```\n", `
4:3 config coc.preferences.formatOnSave owner=coc.nvim
`},
		{"a config file with another tool's schema", "Configuration:\n\n```json\n{\"$schema\": \"./node_modules/oxlint/configuration_schema.json\", \"options\": {\"typeAware\": true}}\n```\n", `
4:3 config $schema owner=oxlint
4:77 config options.typeAware owner=oxlint
`},
		{"data is not config", "Create a `db.json` file:\n\n```json\n{\"posts\": [{\"id\": 1}]}\n```\n", ``},
		{"a snippet's comments name the variable and flag a key answers to", "Configuration:\n\n```yaml\npackages:\n  # same as -s ; FEED_SCOPE env var\n  scope: squashed\n  # FEED_SELECT env var / --select flag\n  select: x\n```\n", `
5:18 env FEED_SCOPE
6:3 config packages.scope
7:5 env FEED_SELECT
7:27 flag --select
8:3 config packages.select
`},
		{"broken snippet is a problem, not a crash; its keys are read line by line", "Config:\n\n```yaml\na: [\n```\n", `
4:1 config a
`},
		{"a snippet headed by a YAML file's name is that file", "You can skip commands by tags:\n\n```yml\n# hooks-local.yml\npre-push:\n  exclude_tags: [frontend]\n```\n", `
6:3 config pre-push.exclude_tags
`},
		{"an indented INI block under a config file's name", "To configure it, create a ~/.sorter.cfg file:\n\n    [settings]\n    line_length=120\n    known_third_party=lib\n", `
4:5 config settings.line_length
5:5 config settings.known_third_party
`},
		{"a heading naming a daemon owns the snippet below it", "## Fail2ban\n\n### Jail configuration\n\nAn example jail configuration:\n\n```ini\n[feed]\nmaxretry = 10\n```\n", `
9:1 config feed.maxretry owner=fail2ban
`},
		{"an attribute of a snippet's object is no config key", "```python\nmodel = llm.get_model()\nmodel.embed(b'x')\n```\n\nThe `model.supports_text` property says whether it takes text; the `retry.max_attempts` property is a key.\n", `
6:69 config retry.max_attempts
`},
		{"an indented block of prose with brackets is no INI", "Output:\n\n    [done] all good\n    see = this\n", ``},
	})
}

func TestOptionLists(t *testing.T) {
	runCases(t, []extractCase{
		{"urfave/cli help with a ./program usage", "```\nUSAGE:\n   ./feed [global options] command\n\nGLOBAL OPTIONS:\n   --rsa-key-size, -B \"2048\"\t\tSize of the RSA key.\n   --path \"x\"\tWhere\n```\n", `
6:4 flag --rsa-key-size cmd=feed
7:4 flag --path cmd=feed
`},
		{"bold flags open the items of an option list", "* **--match-constraint (-m):** Filters the list.\n* __--tree__: Shows a tree.\n* Use **--force** with care.\n", `
1:5 flag --match-constraint
2:5 flag --tree
`},
		{"Go's flag usage", "```\nUsage of prom-run:\n  -listen-address string\n    \tAddress to listen on\n  -v\tverbose\n```\n", `
3:3 flag -listen-address cmd=prom-run
`},
		{"Go's flag usage under the program's own usage line", "```\nUsage: ./prom-run (options) command...\n  -listen-addr string\n    \tAddress to listen on\n  -metric-name string\n    \tMetric name\n```\n", `
3:3 flag -listen-addr cmd=prom-run
5:3 flag -metric-name cmd=prom-run
`},
		{"two-letter short options before long ones", "```\n  -cp, --compiler <module>    load a compiler\n  -h, --help                  show help\n  -f, --config-file <file>    the config\n```\n", `
2:8 flag --compiler
3:7 flag --help
4:7 flag --config-file
`},
		{"one-dash options in prose", "The first node (set by `-bootstrap-expect`) forms it; `-rf` and `-v` say nothing, and `-2-3` is a range.\n", `
1:25 flag -bootstrap-expect
`},
		{"a flag called a parameter", "You can use the --batch parameter, or the --page argument.\n", `
1:17 flag --batch
1:43 flag --page
`},
	})
}

func TestTables(t *testing.T) {
	runCases(t, []extractCase{
		// a heading's camelCase word counts: "PluginConfig" speaks of config
		{"a Name column under a config class's heading", "#### PluginConfig Attributes\n\n| Name | Description |\n| ---- | ----------- |\n| `author_name` | The author |\n", `
5:4 config author_name
`},
		{"env table", "| Variable | Default | Description |\n|---|---|---|\n| `FEED_CACHE_TTL` | `60` | Cache lifetime. |\n| FEED_KILL_SWITCH | | Stops all traffic. |\n", `
3:4 env FEED_CACHE_TTL
4:3 env FEED_KILL_SWITCH safety="kill switch"
`},
		{"a plain cell with a flag's short and long forms", "| Option | Description |\n|---|---|\n| -e --entropy | Enable entropy checks. |\n| -j, --json FILE | Write a report. |\n| just words here | no flag |\n", `
3:6 flag --entropy
4:7 flag --json
`},
		{"flag and env columns", "| Flag | Env | Description |\n|---|---|---|\n| `--read-only` | `FEED_READ_ONLY` | Refuse writes. |\n", `
3:4 flag --read-only safety="read-only"
3:20 env FEED_READ_ONLY safety="read-only"
`},
		{"row text gives safety", "| Flag | Description |\n|---|---|\n| `--strict-hosts` | Refuse unknown hosts. |\n", `
3:4 flag --strict-hosts safety="refuse"
`},
		{"config key table", "## Configuration\n\n| Key | Meaning |\n|---|---|\n| `server.port` | Port. |\n| `retry.max_attempts` | Tries. |\n", `
5:4 config server.port
6:4 config retry.max_attempts
`},
		{"a flag column of libraries", "| Language | Flags |\n|---|---|\n| Go | `parseArgs`, `dry-run` |\n", `
3:22 flag dry-run safety="dry run"
`},
		{"a bare Feature column names product areas, unless written as code", "| Feature | Secret name | Required |\n|---|---|---|\n| DATABASE | db-secret | yes |\n| `new-checkout` | - | no |\n\n| Feature flag | Effect |\n|---|---|\n| DARK_MODE | Dark theme. |\n", `
4:4 feature new-checkout
8:3 feature DARK_MODE
`},
		{"an identifier in the row is a name, not a safety word", "| Secret name | Secret keys |\n|---|---|\n| auth-ldap-secret | `bind-password` |\n\n| Key | Meaning |\n|---|---|\n| `ldap.bind-password` | Password for LDAP authentication. |\n", `
3:23 config bind-password
7:4 config ldap.bind-password safety="authentication"
`},
		{"tables of other things", "| Status | Meaning |\n|---|---|\n| `NOT_FOUND` | Gone. |\n", ``},
	})
}

func TestHistoryAndSuppression(t *testing.T) {
	runCases(t, []extractCase{
		{"removed and renamed", "`OLD_FEED_FLAG` was removed in 2.0. `LEGACY_X` was renamed to `FEED_X`.\n", `
1:2 env OLD_FEED_FLAG inferred historical
1:38 env LEGACY_X inferred historical
1:64 env FEED_X inferred
`},
		{"instead of the removed", "Use DevTools throttling instead of the removed `--delay` flag.\n", `
1:49 flag --delay safety="throttle" historical
`},
		// a word in a quoted value is the value's, not the line's: the
		// attribute named Obsolete does not make the flags beside it gone
		{"a quoted value", "```bash\ncov app.dll --target dotnet --exclude-by-attribute \"Obsolete,Generated\"\ncov app.dll --old-mode  # obsolete since 2.0\n```\n", `
2:13 flag --target cmd=cov
2:29 flag --exclude-by-attribute cmd=cov
3:13 flag --old-mode cmd=cov historical
`},
		// deprecated names still work: they are claims, marked
		{"deprecated section", "## Deprecated settings\n\nThe `FEED_V1_MODE` environment variable.\n", `
3:6 env FEED_V1_MODE deprecated
`},
		{"deprecated", "`--legacy-feed` is deprecated: use `--feed`.\n\n`--old-feed` was deprecated in 2.0 and removed in 3.0.\n", `
1:2 flag --legacy-feed deprecated
1:37 flag --feed
3:2 flag --old-feed historical
`},
		{"deprecated here, removed there", "## Why is `FEED_V1` deprecated?\n\n`FEED_V1` was removed in 2.0.\n", `
1:12 env FEED_V1 inferred historical
3:2 env FEED_V1 inferred historical
`},
		{"disable next line", "<!-- docverify-disable-next-line -- planned for 3.0 -->\nSet `FEED_FUTURE` to on. \n\nSet `FEED_NOW` to on.\n", `
2:6 env FEED_FUTURE suppressed
4:6 env FEED_NOW
`},
		// a flag named in the comment is a name, not the start of its reason
		{"disable next line, a flag named", "<!-- docverify-disable-next-line --feed-dry -- lands in 3.0 -->\nPass `--feed-dry` or `--feed-now`.\n", `
2:7 flag --feed-dry suppressed
2:23 flag --feed-now
`},
		{"disable range with names", "<!-- docverify-disable FEED_A -- vendor docs -->\nSet `FEED_A` and `FEED_B` to 1.\n<!-- docverify-enable -->\nSet `FEED_A` to 2.\n", `
2:6 env FEED_A suppressed
2:19 env FEED_B
4:6 env FEED_A
`},
	})
}

func TestEditionMarks(t *testing.T) {
	runCases(t, []extractCase{
		{"a badge under the title marks the page", "# Snapshot history table\n\n{% include enterprise.html %}\n\nSet `flyway.snapshot.historyTable`.\n\n## Usage\n\nSet `FEED_SNAPSHOT`.\n", `
5:6 config flyway.snapshot.historyTable inferred edition=Enterprise
9:6 env FEED_SNAPSHOT edition=Enterprise
`},
		{"a sentence marks its section only", "# Commands\n\n## Drift\n\nThis is available only in Feed Teams edition.\nSet `FEED_DRIFT`.\n\n### Drift options\n\nSet `FEED_DRIFT_MODE`.\n\n## Migrate\n\nSet `FEED_MIGRATE`.\n", `
6:6 env FEED_DRIFT edition=Teams
10:6 env FEED_DRIFT_MODE edition=Teams
14:6 env FEED_MIGRATE
`},
		{"the first section of a page titled in front matter", "---\ntitle: Diff\n---\n\n## Description\n\n{% include enterprise.html %}\n\n## Parameters\n\nSet `FEED_DIFF_ARTIFACT`.\n", `
11:6 env FEED_DIFF_ARTIFACT edition=Enterprise
`},
		{"an MDX component", "<EnterpriseBadge />\n\nSet `FEED_SSO`.\n", `
3:6 env FEED_SSO edition=Enterprise
`},
		// words that only name an edition in passing are no badge
		{"no mark", "{% include redgate-badge.html %}\n\nThe professional way: set `FEED_PRO_MODE`. Pro tip: see below.\n", `
3:28 env FEED_PRO_MODE
`},
	})
}

func TestValuePlaceholders(t *testing.T) {
	runCases(t, []extractCase{
		// a variable written as an option's value is the doc's stand-in for
		// the value, wherever the doc names it
		{"option value", "    tool:template:encoding=$ENCODING\n\nwhere `$ENCODING` is one of utf-8 or utf-16.\n\nSet `$FEED_TOKEN` first.\n", `
5:7 env FEED_TOKEN
`},
		// an upper-case assignment is a variable of its own, not a value
		{"assignment", "Run `FEED_DIR=$FEED_HOME/data feedctl sync`; `$FEED_HOME` is where it keeps state.\n", `
1:6 env FEED_DIR cmd=feedctl
1:48 env FEED_HOME
`},
	})
}

func TestFrontMatterKeepsPositions(t *testing.T) {
	got := claimsOf(t, "---\ntitle: PORT_X\n---\nThe `FEED_X` environment variable.\n")
	if want := "4:6 env FEED_X\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBinaryIsAnError(t *testing.T) {
	if _, err := Markdown("x.md", []byte("a\x00b")); err == nil {
		t.Error("want an error for a binary file")
	}
}

// A doc saved as UTF-16 with a byte-order mark (as Windows editors may
// write it) is read as text, in either byte order, with its positions in
// characters as an editor shows them.
func TestUTF16DocsAreText(t *testing.T) {
	doc := "# Ops\r\n\nÜber: set `FEED_PAUSED=1`.\r\n"
	units := utf16.Encode([]rune(doc))
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		src := order.AppendUint16(nil, 0xFEFF)
		for _, u := range units {
			src = order.AppendUint16(src, u)
		}
		d, err := Markdown("x.md", src)
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		if got := render(d.Claims); got != "3:12 env FEED_PAUSED\n" {
			t.Errorf("%v: got %q", order, got)
		}
	}
}

func TestBrokenConfigSnippetIsReported(t *testing.T) {
	d, err := Markdown("doc.md", []byte("Config:\n\n```yaml\na: [\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) != 1 || d.Problems[0].Pos.Line != 4 || !strings.Contains(d.Problems[0].Message, "YAML") {
		t.Errorf("problems = %+v", d.Problems)
	}
}

// A sample with one slip (a doubled quote) still names its keys: they are
// claims, read by indentation, and the slip is reported beside them.
func TestSlippedYAMLSnippetKeepsItsKeys(t *testing.T) {
	md := "The config file:\n\n```yaml\nclient:\n  daemon_port: \"6924\"\ndaemon:\n  callback: \"\"Task {{ id }}\"\"\n  pause_on_failure: false\n```\n"
	d, err := Markdown("doc.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Claims {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Col, c.Name))
	}
	if want := "[5:3 client.daemon_port 7:3 daemon.callback 8:3 daemon.pause_on_failure]"; fmt.Sprint(got) != want {
		t.Errorf("claims %v, want %s", got, want)
	}
	if len(d.Problems) != 1 || !strings.Contains(d.Problems[0].Message, "read line by line") {
		t.Errorf("problems = %+v", d.Problems)
	}
}

func TestDocShapes(t *testing.T) {
	runCases(t, []extractCase{
		{"a MyST role's target is a page, not a name", "See {doc}`current_style` and set `APP_STYLE=1`.\n", `
1:35 env APP_STYLE
`},
		{"an admonition's indented body is prose, and keeps its columns", "!!! warning\n\n    Pass `--no-build` to skip it.\n", `
3:11 flag --no-build
`},
		{"help output", "```\nUsage: tool [OPTIONS]\n\n  -v, --verbose   Log more\n      --out=      Where\n```\n", `
4:7 flag --verbose cmd=tool
5:7 flag --out cmd=tool
`},
		// an option's description is a sentence
		{"help output's descriptions", "```\nUsage: tool [OPTIONS]\n\n  -e, --endpoint string   The admin URL. Alternatively set using the TOOL_ADMIN_URL environmental variable.\n```\n", `
4:7 flag --endpoint cmd=tool
4:70 env TOOL_ADMIN_URL
`},
		{"a span another repository's docs describe", "Set the `RUN_AT_EXIT_HOOKS=1` option described in the [Resque](https://github.com/resque/resque/blob/v2/HOOKS.md) documentation. Set `FEED_HOOKS=1` as the [guide](https://github.com/acme/feed) says.\n", `
1:10 env RUN_AT_EXIT_HOOKS owner=resque
1:135 env FEED_HOOKS
`},
		// goflags prints long options with one dash; a prompt's example
		// inside the dump does not make it a session
		{"a help dump with one-dash options in a console block", "```console\nUsage:\n  ./feed [flags]\n\nFlags:\n   -dt, -dialer-timeout value   timeout for requests\n   -silent                      show only results\n\nEXAMPLES:\n   $ feed -target example.com\n```\n", `
6:9 flag -dialer-timeout cmd=feed safety="timeout"
7:4 flag -silent cmd=feed
10:11 flag -target inferred cmd=feed
`},
		{"a console session with no usage line is commands", "```console\n$ tar -xzvf feed.tgz\n   -silent                      show only results\n```\n", `
2:7 flag -xzvf inferred cmd=tar
`},
		{"a name before a plural stands for a family", "See `--help` for the other `--crt` options.\n\nPass the `--crt` option.\n", `
1:6 flag --help
1:29 flag --crt inferred family
3:11 flag --crt
`},
		{"a span right after a link into another repository is that repository's", "Install [zsh-x](https://github.com/a/zsh-x) ([set](https://github.com/a/zsh-x#use) `X_AUTO=true`).\n", `
1:85 env X_AUTO owner=zsh-x
`},
	})
}

// `APP_LIMIT_FREE/PAID` names APP_LIMIT_FREE and APP_LIMIT_PAID, in prose
// and in a table, each at its ending; two whole names are not endings.
func TestSlashEndings(t *testing.T) {
	md := "Set `APP_LIMIT_FREE/PAID` to cap it.\n\n| Variable | Meaning |\n|---|---|\n| `APP_QUOTA_FREE/PAID/TEAM` | Limits |\n"
	d, err := Markdown("doc.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	sortClaims(d.Claims)
	var got []string
	for _, c := range d.Claims {
		got = append(got, fmt.Sprintf("%d:%d %s", c.Pos.Line, c.Pos.Col, c.Name))
	}
	want := "1:6 APP_LIMIT_FREE, 1:21 APP_LIMIT_PAID, 5:4 APP_QUOTA_FREE, 5:19 APP_QUOTA_PAID, 5:24 APP_QUOTA_TEAM"
	if strings.Join(got, ", ") != want {
		t.Errorf("names of\n%s\ngot:  %s\nwant: %s", md, strings.Join(got, ", "), want)
	}
	if _, _, ok := slashEndings("APP_LIMIT_FREE/APP_LIMIT_PAID"); ok {
		t.Error("two whole names read as one name's endings")
	}
}

// A fence right under a component's tag (MDX tabs) is a fence: its
// script's own variables are not documented settings, and its commands
// are read. A tag-like line inside a fence stays code.
func TestComponentTags(t *testing.T) {
	tabs := "<Tabs>\n<Tab value=\"js\">\n```js\nrun()\n```\n</Tab>\n<Tab value=\"curl\">\n```bash\nset -e\n\nAPI_TOKEN=\"x\"\nRESP=$(curl -H \"Authorization: ${API_TOKEN}\" https://x)\nfeed sync --dry-run\n```\n</Tab>\n</Tabs>\n"
	for _, path := range []string{"guide.mdx", "guide.md"} {
		if got, want := claimsOfPath(t, path, tabs), "13:11 flag --dry-run cmd=feed safety=\"dry run\"\n"; got != want {
			t.Errorf("%s: claims of\n%s\ngot:\n%swant:\n%s", path, tabs, got, want)
		}
	}
	// in a .md page a lower-case HTML block keeps CommonMark's meaning
	details := "<details>\n<div class=\"x\">\n</details>\n"
	if got := string(blankComponentTags("guide.md", []byte(details))); got != details {
		t.Errorf("blankComponentTags(guide.md, %q) = %q: want HTML kept", details, got)
	}
	if got := string(blankComponentTags("guide.mdx", []byte(details))); strings.TrimSpace(got) != "" {
		t.Errorf("blankComponentTags(guide.mdx, %q) = %q: want every tag-only line blanked", details, got)
	}
	// a tag-only line inside a fence is the sample's, not the page's
	sample := "<Steps>\n\n```xml\n<Tab value=\"x\">\n```\n\n</Steps>\n"
	if got := string(blankComponentTags("guide.mdx", []byte(sample))); !strings.Contains(got, "<Tab value=") || strings.Contains(got, "<Steps>") {
		t.Errorf("blankComponentTags(%q) = %q: want the page's tags blanked and the sample's kept", sample, got)
	}
}

// A code span that runs over lines behind zero-width spaces, as one real
// doc writes a tmux snippet, is read without a panic.
func TestMultiLineCodeSpanAfterZeroWidthSpace(t *testing.T) {
	src := "For tmux 3.2+:\n\n\u200b`\nset -g extended-keys on\nset -as terminal-features 'xterm*:extkeys'\n\u200b`\n"
	if _, err := Markdown("doc.md", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

// A snippet's line is its claim's context, and the line is the name and
// its value: a cue in the value (certs/ in a path) is no sentence
// presenting the name as a safety mechanism.
func TestSnippetLineStatesNoSafety(t *testing.T) {
	doc, err := Markdown("docs/x.md", []byte("Put this in `.env`:\n\n```sh\nCA_CERT_FILE=/opt/app/certs/ca.pem\n```\n\nTo trust a custom CA certificate, set `CA_CERT_FILE`.\n"))
	if err != nil {
		t.Fatal(err)
	}
	stated := map[int]string{}
	for _, c := range doc.Claims {
		if c.Name == "CA_CERT_FILE" {
			stated[c.Pos.Line] = c.SafetyStated
		}
	}
	if got, ok := stated[4]; !ok || got != "" {
		t.Errorf("the snippet's line: stated %q (found %v), want nothing stated", got, ok)
	}
	if got := stated[7]; got == "" {
		t.Errorf("the sentence presenting it: nothing stated, want a cue")
	}
}

func TestDefinitionListTermsAreListItems(t *testing.T) {
	md := "# Settings\n\n`version_file: Path | None = None`\n:   A file to write.\n\n`tag_regex: str`\n:   How a tag reads.\n\nA sentence naming `fallback_version_name` is no term.\n"
	d, err := Markdown("doc.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Claims {
		got = append(got, fmt.Sprintf("%d:%d %s term=%v block=%d", c.Pos.Line, c.Pos.Col, c.Name, c.Term, c.Block))
	}
	// both terms belong to one list (one block), so verify weighs each
	// beside the other; the name in the sentence after it is no term
	if want := "[3:2 version_file term=true block=2 6:2 tag_regex term=true block=2 9:20 fallback_version_name term=false block=3]"; fmt.Sprint(got) != want {
		t.Errorf("claims %v, want %s", got, want)
	}
}
