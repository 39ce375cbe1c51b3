// Package jscases holds the test cases that JavaScript and TypeScript
// share: the TypeScript grammars must give the same facts for the same code.
package jscases

import "github.com/docverify/docverify/langs/langtest"

// Cases are shared with the typescript package, whose grammar must give
// the same facts for the same code.
var Cases = []langtest.Case{
	{Name: "env idioms", Src: `const a = process.env.FEED_A;
const b = process.env["FEED_B"];
const { FEED_C, FEED_D: d, FEED_E = "1" } = process.env;
const f = import.meta.env.VITE_FEED_F;
const g = Deno.env.get("FEED_G");
const h = Bun.env.FEED_H;
`, Want: `
read env FEED_A @FEED_A process.env
read env FEED_B @FEED_B process.env
read env FEED_C @FEED_C process.env
read env FEED_D @FEED_D process.env
read env FEED_E @FEED_E process.env
read env VITE_FEED_F @VITE_FEED_F import.meta.env
read env FEED_G @FEED_G Deno.env.get
read env FEED_H @FEED_H Bun.env
`},
	{Name: "constants, wrappers, dynamic", Src: `const TOKEN = "FEED_TOKEN";
const ENV = { REGION: "FEED_REGION" };
function getEnv(key, fallback) { return process.env[key] ?? fallback; }
const appEnv = (k) => process.env["FEED_" + k];
const t = process.env[TOKEN];
const r = process.env[ENV.REGION];
const u = process.env[` + "`${prefix}_USER`" + `];
`, Want: `
const TOKEN=FEED_TOKEN
const REGION=FEED_REGION
wrapper env getEnv#0 *
wrapper env appEnv#0 FEED_*
dynamic env FEED_* @FEED_ in appEnv
dynamic env *_USER @"${p"
read env FEED_TOKEN @TOKEN process.env of constant TOKEN
read env FEED_REGION @ENV.REGION process.env of constant REGION
`},
	{Name: "the environment filtered by prefix", Src: `export function loadEnv(envPrefix = "VITE_") {
  for (const key of Object.keys(process.env)) {
    if (key.startsWith(envPrefix)) { out[key] = process.env[key]; }
  }
}
const LABEL = "NOT_A_PREFIX_";
`, Want: `
dynamic env VITE_* @VITE_
dynamic env NOT_A_PREFIX_* @NOT_A_PREFIX_
const LABEL=NOT_A_PREFIX_
ref env key @key
`},
	{Name: "names upper-cased after a prefix the callers give", Src: `function toEnvName(...parts) {
  return parts.join("_").toUpperCase();
}
function shout(...words) { return words.join("_").toUpperCase(); }
`, Want: `
dynamic env * @toEnvName from names after the callers' prefix
`},
	{Name: "near misses", Src: `// process.env.IN_COMMENT
console.log("FEED_LOGGED");
const x = myprocess.env.NOT_PROCESS;
const y = { env: { FEED_FAKE: 1 } };
`, Want: ``},
	{Name: "commander, yargs, parseArgs, meow, oclif", Src: `program.option("-d, --dry-run", "preview").requiredOption("--port <n>");
program.addOption(new Option("--no-color"));
yargs.options({ "max-retries": { type: "number" }, verbose: {} }).option("force", { type: "boolean" }).env("FEED");
const { values } = parseArgs({ options: { "read-only": { type: "boolean" } } });
const cli = meow(help, { flags: { upstreamTimeout: { type: "number" } } });
class Sync { static flags = { purge: Flags.boolean({ char: "p" }) } }
`, Want: `
read flag dry-run @-d program.option
read flag port @--port program.option().requiredOption
read flag no-color @--no-color Option
read flag max-retries @max-retries yargs.options
read flag verbose @verbose yargs.options
read flag force @force yargs.options().option
read flag force @force yargs.options().option negatable
derive env<-flag FEED_ nest=_
read flag read-only @read-only parseArgs
read flag upstream-timeout @upstreamTimeout meow
read flag purge @purge Flags.boolean
`},
	{Name: "config schemas", Src: `const config = convict({
  db: { host: { doc: "Host", format: String, default: "x", env: "FEED_DB_HOST", arg: "db-host" } },
  port: { format: "port", default: 8080, env: "PORT" },
});
export const env = createEnv({ server: { DATABASE_URL: z.string() }, client: { NEXT_PUBLIC_X: z.string() } });
export const redis = createEnv({ server: { HOST: z.string() }, runtimeEnv: runtimeEnvWithPrefix("REDIS_") });
export const plain = createEnv({ server: { PLAIN_URL: z.string() }, runtimeEnv: process.env });
export const other = createEnv({ server: { PORT: z.string() }, runtimeEnv: pick(process.env, "port") });
const e = cleanEnv(process.env, { SENTRY_DSN: str() });
const parsed = z.object({ FEED_ZOD: z.string() }).parse(process.env);
const schema = z.object({ FEED_SCHEMA: z.string() }).strict();
schema.parse(process.env);
`, Want: `
read config db.host @host convict schema
read env FEED_DB_HOST @FEED_DB_HOST convict schema env
read flag db-host @db-host convict schema arg
read config port @port convict schema
read env PORT @PORT convict schema env
read env DATABASE_URL @DATABASE_URL createEnv
read env NEXT_PUBLIC_X @NEXT_PUBLIC_X createEnv
read env REDIS_HOST @HOST createEnv, under the prefix REDIS_ its runtimeEnv is given
read env PLAIN_URL @PLAIN_URL createEnv
read env PORT @PORT createEnv
read env SENTRY_DSN @SENTRY_DSN cleanEnv
read env FEED_ZOD @FEED_ZOD zod schema parsed from process.env
read env FEED_SCHEMA @FEED_SCHEMA zod schema parsed from process.env
`},
	{Name: "feature flags", Src: `const a = await client.getBooleanValue("new-ui", false);
const b = ldClient.variation("checkout-v2", ctx, false);
const c = unleash.isEnabled("beta");
const d = gb.isOn("fast-path");
const e = factory.client().getTreatment("split-x");
const f = useFeatureIsOn("gb-hook");
const g = await flipt.evaluation.boolean({ flagKey: "flipt-flag", entityId: "u" });
`, Want: `
read feature new-ui @new-ui client.getBooleanValue
read feature checkout-v2 @checkout-v2 ldClient.variation
read feature beta @beta unleash.isEnabled
read feature fast-path @fast-path gb.isOn
read feature split-x @split-x factory.client().getTreatment
read feature gb-hook @gb-hook useFeatureIsOn
read feature flipt-flag @flipt-flag flagKey
`},
	{Name: "hand-written parsers", Src: `function parse(arg, argv) {
  if (arg === '--watch' || arg === '-w') { return 1; }
  switch (arg) { case "--delay": return 2; }
  if (argv.includes("--dump")) { return 3; }
  if (arg === "watch") { return 4; }
}
`, Want: `
read flag watch @--watch arg === '--watch'
read flag delay @--delay case "--delay": return 2;
read flag dump @--dump argv.includes()
`},
	{Name: "specs keyed by flags", Src: "const args = arg({ '--listen': [String], '-l': '--listen', \"--no-clipboard\": Boolean });\n", Want: `
read flag listen @--listen '--listen': [String]
read flag no-clipboard @--no-clipboard "--no-clipboard": Boolean
`},
	{Name: "option schemas", Src: `export const options = {
  listDifferent: { type: "boolean", category: "Output", description: "Print names of files that differ." },
  printWidth: { type: "int", default: 80 },
  notAnOption: { type: "x" },
};
`, Want: `
read config listDifferent @listDifferent option schema
read flag list-different @listDifferent option schema negatable
read config printWidth @printWidth option schema
read flag print-width @printWidth option schema
`},
	{Name: "JSON Schema literals", Path: "lib/schema.js", Src: `const namePattern = '^[a-z]+$'
const schema = {
  type: 'object',
  properties: {
    service: { type: 'string' },
    custom: { type: 'object', properties: {} },
    functions: { type: 'object', patternProperties: { [namePattern]: { type: 'object', properties: { name: { type: 'string' } } } } },
  },
}
defineTopLevelProperty('ai', { type: 'object', properties: { agents: { type: 'object', additionalProperties: { type: 'object' } } } })
defineProvider('aws', {
  definitions: { env: { type: 'object', additionalProperties: { type: 'string' } } },
  provider: { properties: { stage: { type: 'string' }, environment: { $ref: '#/definitions/env' } } },
})
`, Want: `
const namePattern=^[a-z]+$
const type=object
field @schema:lib/schema.js:2.service:
field @schema:lib/schema.js:2.custom:@any map
field @schema:lib/schema.js:2.functions:@schema:lib/schema.js:2.functions.* map
field @schema:lib/schema.js:2.functions.*.name:
field @schema:lib/schema.js:10.ai:@schema:lib/schema.js:10.ai
field @schema:lib/schema.js:10.ai.agents:@schema:lib/schema.js:10.ai.agents.* map
field @schema:lib/schema.js:13.provider:@schema:lib/schema.js:13.provider
field @schema:lib/schema.js:13.provider.stage:
field @schema:lib/schema.js:13.provider.environment:@schema:lib/schema.js:13#/definitions/env.* map
`},
	{Name: "scripts", Path: "bin/feedctl.js", Src: "#!/usr/bin/env node\nrequire('../lib/cli');\n", Want: `program feedctl`},
}
