; JavaScript read sites, shared with TypeScript (whose grammar extends this
; one). Capture names are the contract in langs/lang/spec.go.

; ---- environment ------------------------------------------------------------

; process.env.X, Bun.env.X
(member_expression
  object: (member_expression
    object: (identifier) @_p (#any-of? @_p "process" "Bun")
    property: (property_identifier) @_e (#eq? @_e "env")) @via
  property: (property_identifier) @env.read.name)
; process.env["X"], process.env[`X`], process.env[key]
(subscript_expression
  object: (member_expression
    object: (identifier) @_p (#any-of? @_p "process" "Bun")
    property: (property_identifier) @_e (#eq? @_e "env")) @via
  index: (_) @env.read)
; const { A, B: b, C = "x" } = process.env
(variable_declarator
  name: (object_pattern (shorthand_property_identifier_pattern) @env.read.name)
  value: (member_expression
    object: (identifier) @_p (#any-of? @_p "process" "Bun")
    property: (property_identifier) @_e (#eq? @_e "env")) @via)
(variable_declarator
  name: (object_pattern (pair_pattern key: (_) @env.read))
  value: (member_expression
    object: (identifier) @_p (#any-of? @_p "process" "Bun")
    property: (property_identifier) @_e (#eq? @_e "env")) @via)
(variable_declarator
  name: (object_pattern (object_assignment_pattern left: (shorthand_property_identifier_pattern) @env.read.name))
  value: (member_expression
    object: (identifier) @_p (#any-of? @_p "process" "Bun")
    property: (property_identifier) @_e (#eq? @_e "env")) @via)
; import.meta.env.X (Vite)
(member_expression
  object: (member_expression
    object: (member_expression
      object: (import)
      property: (property_identifier) @_m (#eq? @_m "meta"))
    property: (property_identifier) @_e (#eq? @_e "env")) @via
  property: (property_identifier) @env.read.name)
; Deno.env.get("X")
(call_expression
  function: (member_expression
    object: (member_expression
      object: (identifier) @_d (#eq? @_d "Deno")
      property: (property_identifier) @_e (#eq? @_e "env"))
    property: (property_identifier) @_g (#eq? @_g "get")) @via
  arguments: (arguments . (_) @env.read))

; walking the whole environment, and env-prefix literals ("VITE_") that filter it
(call_expression
  function: (member_expression
    object: (identifier) @_o (#eq? @_o "Object")
    property: (property_identifier) @_k (#any-of? @_k "keys" "entries"))
  arguments: (arguments (member_expression
    object: (identifier) @_p (#eq? @_p "process")
    property: (property_identifier) @_e (#eq? @_e "env")))) @env.iterate
(for_in_statement
  right: (member_expression
    object: (identifier) @_p (#eq? @_p "process")
    property: (property_identifier) @_e (#eq? @_e "env"))) @env.iterate
(call_expression
  function: (member_expression
    property: (property_identifier) @env.prefix.test (#eq? @env.prefix.test "startsWith")))
((string) @env.prefix.literal (#match? @env.prefix.literal "^.[A-Z][A-Z0-9_]*_.$"))

; ---- command-line flags -------------------------------------------------------

; commander: .option("-d, --dry-run <x>"), .requiredOption(...); yargs: .option("dry-run", {...})
(call_expression
  function: (member_expression
    property: (property_identifier) @_o (#any-of? @_o "option" "requiredOption")) @via
  arguments: (arguments . (string) @flag.spec))
; commander: new Option("--x")
(new_expression
  constructor: (identifier) @via (#eq? @via "Option")
  arguments: (arguments . (string) @flag.spec))
; yargs: .options({ "dry-run": {...}, port: {...} })
(call_expression
  function: (member_expression
    property: (property_identifier) @_o (#eq? @_o "options")) @via
  arguments: (arguments . (object (pair key: (_) @flag.read))))
; yargs booleans accept --no-X
(call_expression
  function: (member_expression
    property: (property_identifier) @_o (#eq? @_o "option")) @via
  arguments: (arguments
    . (string) @flag.read
    (object (pair
      key: (property_identifier) @_t (#eq? @_t "type")
      value: (string) @_b (#match? @_b "boolean"))) @flag.negatable))
; node:util parseArgs({ options: { "dry-run": { type: "boolean" } } })
(call_expression
  function: (identifier) @via (#eq? @via "parseArgs")
  arguments: (arguments (object (pair
    key: (property_identifier) @_o (#eq? @_o "options")
    value: (object (pair key: (_) @flag.read))))))
; meow(help, { flags: { dryRun: {...} } }): camelCase keys become --kebab-case
(call_expression
  function: (identifier) @via (#eq? @via "meow")
  arguments: (arguments (object (pair
    key: (property_identifier) @_f (#eq? @_f "flags")
    value: (object (pair key: (_) @flag.field))))))
; oclif: static flags = { force: Flags.boolean({...}) }
(pair
  key: (_) @flag.read
  value: (call_expression
    function: (member_expression
      object: (identifier) @_f (#any-of? @_f "Flags" "flags")) @via))
; yargs .env("APP"): every option is also read from APP_<NAME>
(call_expression
  function: (member_expression
    object: (_) @_y (#match? @_y "yargs|argv|cli|parser|program")
    property: (property_identifier) @_e (#eq? @_e "env")) @via
  arguments: (arguments . (string) @derive.env.flag.prefix))

; hand-written parsers: arg === "--watch", case "--watch":, argv.includes("--watch")
(binary_expression
  operator: ["===" "==" "!==" "!="]
  [(string) (template_string)] @flag.spec (#match? @flag.spec "^.--[A-Za-z]")) @via
(switch_case
  value: (string) @flag.spec (#match? @flag.spec "^.--[A-Za-z]")) @via
(call_expression
  function: (member_expression
    property: (property_identifier) @_m (#any-of? @_m "includes" "indexOf" "has"))
  arguments: (arguments . (string) @flag.spec (#match? @flag.spec "^.--[A-Za-z]"))) @via

; specs keyed by the flags themselves: arg({ "--listen": [String], "--help": Boolean })
(pair
  key: (string) @flag.spec (#match? @flag.spec "^.--[A-Za-z]")) @via

; ---- config schemas -------------------------------------------------------------

; convict({ db: { host: { doc, format, default, env: "DB_HOST", arg: "db-host" } } })
(call_expression
  function: (identifier) @_c (#eq? @_c "convict")
  arguments: (arguments . (object) @javascript.convict))
; t3-env: createEnv({ server: { DATABASE_URL: z.string() }, client: {...}, shared: {...},
; runtimeEnv: ... }); the handler reads a prefix given to runtimeEnv's helper
(call_expression
  function: (identifier) @_c (#eq? @_c "createEnv")
  arguments: (arguments . (object) @javascript.createenv))
; envalid: cleanEnv(process.env, { PORT: port() })
(call_expression
  function: (identifier) @via (#eq? @via "cleanEnv")
  arguments: (arguments (_) (object (pair key: (_) @env.read))))
; zod: z.object({ PORT: ... }).parse(process.env), or schema.parse(process.env)
(call_expression
  function: (member_expression
    property: (property_identifier) @_p (#any-of? @_p "parse" "safeParse" "parseAsync"))
  arguments: (arguments . (member_expression
    object: (identifier) @_pr (#eq? @_pr "process")
    property: (property_identifier) @_en (#eq? @_en "env")))) @javascript.envschema

; JSON Schema literals: { type: 'object', properties: { ... } } (the handler
; keeps the outermost one)
(object
  (pair
    key: [(property_identifier) (string)] @_p (#match? @_p "^['\"]?(properties|additionalProperties|patternProperties)['\"]?$")
    value: (object))) @javascript.schema

; option schemas: { listDifferent: { type: "boolean", description: "..." } }
; (prettier, yargs-style and JSON-schema-like definitions)
(pair
  key: [(property_identifier) (string)]
  value: (object) @javascript.option)

; ---- feature flags --------------------------------------------------------------

; OpenFeature: client.getBooleanValue("key", false); LaunchDarkly: client.variation("key", ctx, d);
; Unleash: unleash.isEnabled("key"); GrowthBook: gb.isOn("key")
(call_expression
  function: (member_expression
    property: (property_identifier) @_f (#match? @_f "^(get(Boolean|String|Number|Object)(Value|Details)|variation|variationDetail|(bool|string|number|json)Variation(Detail)?|isEnabled|getVariant|isOn|isOff|getFeatureValue|evalFeature)$")) @via
  arguments: (arguments . (string) @feature.read))
; React hooks of the same SDKs
(call_expression
  function: (identifier) @via (#match? @via "^(useFeatureIsOn|useFeatureValue|useFeature|useFlag|useVariant|use(Boolean|String|Number|Object)FlagValue|useBooleanFlagDetails)$")
  arguments: (arguments . (string) @feature.read))
; Split: client.getTreatment("split") or getTreatment(key, "split")
(call_expression
  function: (member_expression
    property: (property_identifier) @_f (#any-of? @_f "getTreatment" "getTreatmentWithConfig")) @via
  arguments: (arguments (string) @feature.read))
; Flipt: evaluation.boolean({ flagKey: "key" })
(pair
  key: (property_identifier) @via (#eq? @via "flagKey")
  value: (string) @feature.read)

; a parser that accepts --no-<flag> for every flag it knows, by matching
; the literal "--no-" (httpie's un-setting of options)
((string) @derive.flag.flag.prefix @via (#match? @derive.flag.flag.prefix "^.--no-.$"))

; ---- constants, calls, programs --------------------------------------------------

(variable_declarator name: (identifier) @const.name value: (string) @const.value)
(variable_declarator name: (identifier) @const.name value: (template_string) @const.value)
(variable_declarator
  name: (identifier)
  value: (object (pair key: (property_identifier) @const.name value: (string) @const.value)))

(call_expression
  function: (_) @call.func
  arguments: (arguments (string) @call.arg))

(call_expression
  function: (_) @call.func
  arguments: (arguments (identifier) @call.param))

(program (hash_bang_line) @program.main)

; name.replace(/([A-Z])/g, '-$1'), name.replace(/_/g, '-'): names of the code
; turned into --dashed-flags (renovate's getCliName)
(call_expression
  function: (member_expression property: (property_identifier) @_fn (#any-of? @_fn "replace" "replaceAll"))
  arguments: (arguments . (_) @_from (#match? @_from "\\[A-Z\\]|^/_/|^['\"]_['\"]$") . (string) @_to (#match? @_to "^['\"]-")) ) @flag.from-names
; function toEnvName(...parts) { return parts.join("_").toUpperCase() }: env
; names built from names of the code after a prefix the callers give
(function_declaration
  name: (identifier) @_n (#match? @_n "(?i)env")
  body: (statement_block) @_b (#match? @_b "\\.toUpperCase\\(") (#match? @_b "['\"`]_['\"`]")) @env.from-names.caller
; `RENOVATE_${name.toUpperCase()}`, 'APP_' + name.toUpperCase(): env names built from names of the code
((template_string) @env.from-names.template (#match? @env.from-names.template "^`[A-Z][A-Z0-9_]*_[$][{]"))
(binary_expression
  left: (string) @env.from-names.prefix (#match? @env.from-names.prefix "^['\"][A-Z][A-Z0-9_]*_['\"]$")
  right: (call_expression function: (member_expression property: (property_identifier) @_u (#eq? @_u "toUpperCase"))))
