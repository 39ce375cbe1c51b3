; Rust: env reads, clap flags (derive and builder), serde config structs,
; env-prefix derivations (config-rs, figment, envy), feature-flag SDKs.

; std::env::var("X"), env::var_os("X"), dotenvy::var("X")
(call_expression
  function: (scoped_identifier
    path: (_) @_p (#match? @_p "(^|::)(env|dotenvy|dotenv)$")
    name: (identifier) @_f (#match? @_f "^(var|var_os)$")) @via
  arguments: (arguments . (_) @env.read))
; use std::env::var; var("X"), or var_os(key) inside a helper that takes
; the name (ffsend's env_var_present(key)), which makes it a wrapper
(call_expression
  function: (identifier) @_f @via (#match? @_f "^(var|var_os)$")
  arguments: (arguments . [(string_literal) (identifier)] @env.read))
; env!("X"), option_env!("X"), dotenv!("X")
(macro_invocation
  macro: (identifier) @_m @via (#match? @_m "^(env|option_env|dotenv)$")
  (token_tree . (string_literal) @env.read))

; clap builder: Arg::new("x").long("read-only").env("APP_X")
; (one argument: Command::new(..).env("K", "v") sets a child's variable)
(call_expression
  function: (field_expression field: (field_identifier) @_f @via (#eq? @_f "long"))
  arguments: (arguments . (string_literal) @flag.read .))
(call_expression
  function: (field_expression field: (field_identifier) @_f @via (#eq? @_f "env"))
  arguments: (arguments . (string_literal) @env.read .))

; #[command(name = "x", version)]: clap adds -V/--version; Command::new("x").version("1")
(attribute_item
  (attribute (identifier) @_a (#match? @_a "^(command|clap)$")
    arguments: (token_tree (identifier) @rust.version (#eq? @rust.version "version"))))
(call_expression
  function: (field_expression field: (field_identifier) @rust.version (#eq? @rust.version "version"))
  arguments: (arguments . (_) .))

; structs: clap derive fields, serde config fields
(struct_item) @rust.struct
; clap subcommand enums: the fields of struct-like variants are flags
(enum_item) @rust.enum

; loads into a type: toml::from_str::<Config>(..), figment.extract::<Config>()
(call_expression
  function: (generic_function
    function: (_) @_f (#match? @_f "(from_str|from_slice|from_reader|from_env|try_deserialize|deserialize|extract|try_into|parse)$")
    type_arguments: (type_arguments (type_identifier) @rust.root)))
; let cfg: Config = toml::from_str(..)?;
(let_declaration
  type: (type_identifier) @rust.root
  value: (_) @_v (#match? @_v "(from_str|from_slice|from_reader|from_env|try_deserialize|extract|load|parse)"))

; env prefixes over config keys: config::Environment::with_prefix("APP"),
; figment::providers::Env::prefixed("APP_"), envy::prefixed("APP_"); not
; another type's with_prefix (TempDir::with_prefix("vector-buffers"))
(call_expression
  function: (scoped_identifier
    path: (_) @_p (#match? @_p "(^|::)(Environment|Env|envy)$")
    name: (identifier) @_f @via (#match? @_f "^(with_prefix|prefixed)$"))
  arguments: (arguments . (string_literal) @rust.envprefix))

; feature flags: LaunchDarkly bool_variation(&ctx, "key", false),
; OpenFeature get_bool_value("key", ..), Unleash is_enabled("key", ..)
(call_expression
  function: (field_expression field: (field_identifier) @_f @via
    (#match? @_f "^((bool|str|string|float|int|json)_variation(_detail)?|get_(bool|string|int|float|struct)_value(_details)?|is_enabled)$"))
  arguments: (arguments (string_literal) @feature.read))

; constants and locals
(const_item name: (identifier) @const.name value: (_) @const.value)
(static_item name: (identifier) @const.name value: (_) @const.value)
(let_declaration pattern: (identifier) @local.name value: (_) @local.value)

; calls with a literal or a parameter, for wrappers
(call_expression
  function: (_) @call.func
  arguments: (arguments (string_literal) @call.arg))
(call_expression
  function: (_) @call.func
  arguments: (arguments (identifier) @call.param))

(function_item name: (identifier) @_main (#eq? @_main "main")) @program.main
