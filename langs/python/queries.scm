; Python read sites. Capture names are the contract in langs/lang/spec.go.

; ---- environment ------------------------------------------------------------

; os.environ["X"]
(subscript
  value: (attribute
    object: (identifier) @_os (#eq? @_os "os")
    attribute: (identifier) @_e (#eq? @_e "environ")) @via
  subscript: (_) @env.read)
; environ["X"] (from os import environ)
(subscript
  value: (identifier) @via (#eq? @via "environ")
  subscript: (_) @env.read)
; os.environ.get("X"), os.environ.setdefault("X", d), os.environ.pop("X")
(call
  function: (attribute
    object: (attribute
      object: (identifier) @_os (#eq? @_os "os")
      attribute: (identifier) @_e (#eq? @_e "environ"))
    attribute: (identifier) @_m (#any-of? @_m "get" "setdefault" "pop")) @via
  arguments: (argument_list . (_) @env.read))
(call
  function: (attribute
    object: (identifier) @_e (#eq? @_e "environ")
    attribute: (identifier) @_m (#any-of? @_m "get" "setdefault" "pop")) @via
  arguments: (argument_list . (_) @env.read))
; os.getenv("X"), getenv("X")
(call
  function: (attribute
    object: (identifier) @_os (#eq? @_os "os")
    attribute: (identifier) @_f (#any-of? @_f "getenv" "getenvb")) @via
  arguments: (argument_list . (_) @env.read))
(call
  function: (identifier) @via (#eq? @via "getenv")
  arguments: (argument_list . (_) @env.read))
; "X" in os.environ
(comparison_operator
  (string) @env.read
  (attribute
    object: (identifier) @_os (#eq? @_os "os")
    attribute: (identifier) @_e (#eq? @_e "environ")) @via)
; environs / django-environ: env.str("X"), env.bool("X"), env("X"); python-decouple: config("X")
(call
  function: (attribute
    object: (identifier) @_env (#eq? @_env "env")
    attribute: (identifier) @_t (#any-of? @_t "str" "bool" "int" "float" "list" "dict" "json" "url" "db" "db_url" "cache" "cache_url" "path" "decimal" "datetime" "date" "timedelta" "email_url" "search_url" "log_level")) @via
  arguments: (argument_list . (string) @env.read))
(call
  function: (identifier) @via (#any-of? @via "env" "config")
  arguments: (argument_list . (string) @env.read (#match? @env.read "^[rbuRBU]?['\"][A-Z][A-Z0-9_]*['\"]$")))

; walking the whole environment, and env-prefix literals ("APP_") that filter it
(call
  function: (attribute
    object: (attribute
      object: (identifier) @_os (#eq? @_os "os")
      attribute: (identifier) @_e (#eq? @_e "environ"))
    attribute: (identifier) @_m (#any-of? @_m "items" "keys"))) @env.iterate
(for_statement
  right: (attribute
    object: (identifier) @_os (#eq? @_os "os")
    attribute: (identifier) @_e (#eq? @_e "environ"))) @env.iterate
(call
  function: (attribute
    attribute: (identifier) @env.prefix.test (#eq? @env.prefix.test "startswith")))
((string) @env.prefix.literal (#match? @env.prefix.literal "^[rbuRBU]?.[A-Z][A-Z0-9_]*_.$"))

; ---- command-line flags -------------------------------------------------------

; argparse: parser.add_argument("--dry-run", "-n", ...)
(call
  function: (attribute attribute: (identifier) @_f (#eq? @_f "add_argument")) @via
  arguments: (argument_list (string) @flag.spec))
(call
  function: (attribute attribute: (identifier) @_f (#eq? @_f "add_argument")) @via
  arguments: (argument_list
    (string) @flag.spec
    (keyword_argument
      name: (identifier) @_a (#eq? @_a "action")
      value: (_) @_v (#match? @_v "BooleanOptional")) @flag.negatable))
; click / typer: @click.option("--shout/--no-shout", envvar="SHOUT"), typer.Option("--x")
(call
  function: (attribute
    object: (identifier) @_c (#any-of? @_c "click" "typer")
    attribute: (identifier) @_o (#any-of? @_o "option" "Option")) @via
  arguments: (argument_list (string) @flag.spec))
(call
  function: (identifier) @via (#eq? @via "Option")
  arguments: (argument_list (string) @flag.spec))
; cleo (poetry's CLI library): option("dry-run", None, "...", flag=True)
(call
  function: (identifier) @via (#eq? @via "option")
  arguments: (argument_list . (string) @flag.spec))

; envvar="X" or envvar=["X", "Y"] of a click or typer option
(keyword_argument
  name: (identifier) @_k @via (#eq? @_k "envvar")
  value: (string) @env.read)
(keyword_argument
  name: (identifier) @_k @via (#eq? @_k "envvar")
  value: (list (string) @env.read))
; click's auto_envvar_prefix="APP": every option is also read from APP_<NAME>,
; given to the call or in context_settings={"auto_envvar_prefix": "APP"}
(keyword_argument
  name: (identifier) @_k @via (#eq? @_k "auto_envvar_prefix")
  value: (_) @derive.env.flag.prefix)
(pair
  key: (string) @_k @via (#match? @_k "^.auto_envvar_prefix.$")
  value: (_) @derive.env.flag.prefix)
; typer: parameters of a command function are options: dry_run → --dry-run
(decorated_definition
  (decorator (call function: (attribute attribute: (identifier) @_c (#eq? @_c "command"))))
  definition: (function_definition
    parameters: (parameters [
      (default_parameter name: (identifier) @flag.field)
      (typed_default_parameter name: (identifier) @flag.field type: (type) @_t (#not-eq? @_t "bool"))
    ])))
(decorated_definition
  (decorator (call function: (attribute attribute: (identifier) @_c (#eq? @_c "command"))))
  definition: (function_definition
    parameters: (parameters
      (typed_default_parameter name: (identifier) @flag.field type: (type) @_t (#eq? @_t "bool")) @flag.negatable)))
; absl: flags.DEFINE_string("name", ...)
(call
  function: (attribute attribute: (identifier) @_f (#match? @_f "^DEFINE_")) @via
  arguments: (argument_list . (_) @flag.read))

; hand-written parsers: arg == "--watch", "--watch" in sys.argv, case "--watch":
(comparison_operator
  (string) @flag.spec (#match? @flag.spec "^[rbuRBU]?.--[A-Za-z]")) @via
(case_pattern
  (string) @flag.spec (#match? @flag.spec "^[rbuRBU]?.--[A-Za-z]")) @via

; ---- config keys --------------------------------------------------------------

; configparser: config.get("section", "key"), config["section"]["key"]
(call
  function: (attribute
    object: (_) @_c (#match? @_c "(?i)conf|cfg|parser|settings|ini")
    attribute: (identifier) @_g (#any-of? @_g "get" "getint" "getboolean" "getfloat")) @via
  arguments: (argument_list . (string) @config.section . (string) @config.read))
(subscript
  value: (subscript
    value: (identifier) @_c (#match? @_c "(?i)conf|cfg|parser|ini")
    subscript: (string) @config.section) @via
  subscript: (string) @config.read)

; pydantic settings and models: fields become config keys, BaseSettings
; fields env vars
(class_definition
  superclasses: (argument_list) @_s (#match? @_s "Base(Settings|Model)")) @python.model
; a dataclass or attrs class named as a configuration (Configuration,
; ServerSettings, BuildOptions): its annotated fields are the keys a config
; file fills in, as setuptools-scm's Configuration(**pyproject_section)
(decorated_definition
  (decorator) @_d (#match? @_d "^@(dataclasses\\.)?dataclass|^@(attr\\.s|attrs?\\.(define|frozen|mutable)|define|frozen)\\b")
  definition: (class_definition
    name: (identifier) @_n (#match? @_n "(Config|Configuration|Settings|Options|Conf)$")) @python.model)

; ---- feature flags --------------------------------------------------------------

; OpenFeature: client.get_boolean_value("key", False)
(call
  function: (attribute attribute: (identifier) @_f (#match? @_f "^get_(boolean|string|integer|float|object)_(value|details)$")) @via
  arguments: (argument_list . (_) @feature.read))
; LaunchDarkly: client.variation("key", ctx, default); Unleash, GrowthBook
(call
  function: (attribute attribute: (identifier) @_f (#any-of? @_f "variation" "variation_detail" "is_enabled" "get_variant" "is_on" "is_off" "get_feature_value" "eval_feature")) @via
  arguments: (argument_list . (string) @feature.read))
; Split: client.get_treatment(key, "feature")
(call
  function: (attribute attribute: (identifier) @_f (#any-of? @_f "get_treatment" "get_treatment_with_config")) @via
  arguments: (argument_list . (_) . (string) @feature.read))
; Flipt: evaluation.boolean(flag_key="key")
(keyword_argument
  name: (identifier) @_k @via (#eq? @_k "flag_key")
  value: (string) @feature.read)

; a parser that accepts --no-<flag> for every flag it knows, by matching
; the literal "--no-" (httpie's un-setting of options)
((string) @derive.flag.flag.prefix @via (#match? @derive.flag.flag.prefix "^.--no-.$"))

; ---- constants, calls, programs --------------------------------------------------

(module (expression_statement (assignment left: (identifier) @const.name right: (_) @const.value)))
(class_definition body: (block (expression_statement (assignment left: (identifier) @const.name right: (_) @const.value))))
(function_definition body: (block (expression_statement (assignment left: (identifier) @local.name right: (_) @local.value))))

(call
  function: (_) @call.func
  arguments: (argument_list (string) @call.arg))

(call
  function: (_) @call.func
  arguments: (argument_list (identifier) @call.param))

(if_statement
  condition: (comparison_operator
    (identifier) @_n (#eq? @_n "__name__")
    (string) @_m (#match? @_m "__main__"))) @program.main

; setup(entry_points={"console_scripts": ["name = pkg.mod:main"]})
(call
  function: (identifier) @_s (#eq? @_s "setup")
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_k (#eq? @_k "entry_points")
      value: (_) @python.entry_points)))

; name.replace("_", "-"): snake_case option names turned into --dashed-flags
(call
  function: (attribute attribute: (identifier) @_fn (#eq? @_fn "replace"))
  arguments: (argument_list . (string) @_from (#match? @_from "^['\"]_['\"]$") . (string) @_to (#match? @_to "^['\"]-['\"]$"))) @flag.from-names

; "APP_" + name.upper(), f"CIBW_{name.upper()}": env names built from names of the code
(binary_operator
  left: (string) @env.from-names.prefix (#match? @env.from-names.prefix "^['\"][A-Z][A-Z0-9_]*_['\"]$")
  right: (call) @_r (#match? @_r "\\.upper\\("))
((string) @env.from-names.template (#match? @env.from-names.template "^[fF]['\"][A-Z][A-Z0-9_]*_[{]"))

; def to_env_var(*xs): return "_".join(x.upper() for x in xs): env names
; built from names of the code after a prefix the callers give
(function_definition
  name: (identifier) @_n (#match? @_n "(?i)env")
  body: (block) @_b (#match? @_b "\\.upper\\(") (#match? @_b "['\"]_['\"]")) @env.from-names.caller

; traitlets: class JupyterHub(Application): log_file = Unicode("").tag(config=True)
; is the setting JupyterHub.log_file (c.JupyterHub.log_file in a config file);
; so is the older spelling, log_file = Unicode("", config=True, help="…")
(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier)
        right: (call
          function: [
            (attribute attribute: (identifier) @_tag (#eq? @_tag "tag"))
            (identifier) @_trait (#match? @_trait "^[A-Z]")
          ]
          arguments: (argument_list
            (keyword_argument name: (identifier) @_k (#eq? @_k "config") value: (true))))) @python.traitlet)))
