; Go read sites. Capture names are the contract in langs/lang/spec.go.

; ---- environment ----------------------------------------------------------

; os.Getenv("X"), os.LookupEnv("X"), syscall.Getenv("X")
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg (#any-of? @_pkg "os" "syscall")
    field: (field_identifier) @_fn (#any-of? @_fn "Getenv" "LookupEnv")) @via
  arguments: (argument_list . (_) @env.read))

; walking the whole environment, and env-prefix literals ("APP_") that filter it
(call_expression
  function: (selector_expression
    operand: (identifier) @_os (#eq? @_os "os")
    field: (field_identifier) @_f (#eq? @_f "Environ"))) @env.iterate
(call_expression
  function: (selector_expression
    operand: (identifier) @_s (#eq? @_s "strings")
    field: (field_identifier) @env.prefix.test (#any-of? @env.prefix.test "HasPrefix" "CutPrefix" "TrimPrefix")))
((interpreted_string_literal) @env.prefix.literal (#match? @env.prefix.literal "^\"[A-Z][A-Z0-9_]*_\"$"))

; ---- command-line flags ---------------------------------------------------

; flag.String("name", ...), pflag.BoolP("name", "n", ...), fs.Int("name", ...),
; cmd.Flags().Duration("name", ...) — on the flag packages and FlagSets
(call_expression
  function: (selector_expression
    operand: (_) @_recv (#match? @_recv "^(flag|pflag|flags|fs|flagSet|flagset|set|f)$|[Ff]lags\\(\\)$|[Ff]lag[Ss]et$|Flags$")
    field: (field_identifier) @_fn (#match? @_fn "^(String|Bool|Int|Int8|Int16|Int32|Int64|Uint|Uint8|Uint16|Uint32|Uint64|Float32|Float64|Duration|Count|StringSlice|StringArray|StringToString|StringToInt|IntSlice|Int64Slice|UintSlice|BoolSlice|DurationSlice|Float64Slice|BytesHex|BytesBase64|IP|IPSlice|IPMask|IPNet|Func|BoolFunc)P?$")) @via
  arguments: (argument_list . (_) @flag.read))

; flag.StringVar(&v, "name", ...), cmd.Flags().BoolVarP(&v, "name", "n", ...), fs.Var(v, "name", ...)
(call_expression
  function: (selector_expression
    operand: (_) @_recv (#match? @_recv "^(flag|pflag|flags|fs|flagSet|flagset|set|f)$|[Ff]lags\\(\\)$|[Ff]lag[Ss]et$|Flags$")
    field: (field_identifier) @_fn (#match? @_fn "^([A-Z][A-Za-z0-9]*Var|Var|TextVar)P?$")) @via
  arguments: (argument_list . (_) . (_) @flag.read))

; kingpin: app.Flag("name", "help").Envar("X"), kingpin.Flag(...)
(call_expression
  function: (selector_expression
    field: (field_identifier) @_fn (#eq? @_fn "Flag")) @via
  arguments: (argument_list . (_) @flag.read . (_)))
(call_expression
  function: (selector_expression
    field: (field_identifier) @_fn (#any-of? @_fn "Envar" "OverrideDefaultFromEnvar")) @via
  arguments: (argument_list . (_) @env.read))

; urfave/cli: &cli.StringFlag{Name: "x", Aliases: []string{"y"}, EnvVars: []string{"X"}}
(composite_literal
  type: (qualified_type name: (type_identifier) @_t (#match? @_t "Flag$")) @via
  body: (literal_value
    (keyed_element
      (literal_element (identifier) @_k (#eq? @_k "Name"))
      (literal_element (_) @flag.read))))
(composite_literal
  type: (qualified_type name: (type_identifier) @_t (#match? @_t "Flag$")) @via
  body: (literal_value
    (keyed_element
      (literal_element (identifier) @_k (#eq? @_k "Aliases"))
      (literal_element (composite_literal body: (literal_value (literal_element (_) @flag.read)))))))
(composite_literal
  type: (qualified_type name: (type_identifier) @_t (#match? @_t "Flag$")) @via
  body: (literal_value
    (keyed_element
      (literal_element (identifier) @_k (#eq? @_k "EnvVars"))
      (literal_element (composite_literal body: (literal_value (literal_element (_) @env.read)))))))
; urfave/cli v1: EnvVar: "A,B"
(composite_literal
  type: (qualified_type name: (type_identifier) @_t (#match? @_t "Flag$")) @via
  body: (literal_value
    (keyed_element
      (literal_element (identifier) @_k (#eq? @_k "EnvVar"))
      (literal_element (_) @env.read.list))))
; urfave/cli v3: Sources: cli.EnvVars("A", "B")
(call_expression
  function: (selector_expression
    operand: (identifier) @_p (#eq? @_p "cli")
    field: (field_identifier) @_f (#eq? @_f "EnvVars")) @via
  arguments: (argument_list (_) @env.read))

; hand-written parsers: arg == "--watch", case "--watch":, strings.HasPrefix(arg, "--watch=")
(binary_expression
  operator: ["==" "!="]
  (interpreted_string_literal) @flag.spec (#match? @flag.spec "^\"--[A-Za-z]")) @via
(expression_case
  value: (expression_list (interpreted_string_literal) @flag.spec (#match? @flag.spec "^\"--[A-Za-z]"))) @via
(call_expression
  function: (selector_expression
    operand: (identifier) @_s (#eq? @_s "strings")
    field: (field_identifier) @_f (#any-of? @_f "HasPrefix" "TrimPrefix" "CutPrefix"))
  arguments: (argument_list (_) (interpreted_string_literal) @flag.spec (#match? @flag.spec "^\"--[A-Za-z]"))) @via

; ---- config keys ----------------------------------------------------------

; viper.GetString("a.b"), v.GetInt("a.b"), viper.SetDefault("a.b", 1), viper.IsSet("a.b")
(call_expression
  function: (selector_expression
    operand: (_) @_v (#match? @_v "(?i)viper|^v$|^vp$|conf|cfg|settings")
    field: (field_identifier) @_f (#match? @_f "^(Get|GetString|GetBool|GetInt|GetInt32|GetInt64|GetUint|GetUint8|GetUint16|GetUint32|GetUint64|GetFloat64|GetDuration|GetTime|GetStringSlice|GetIntSlice|GetStringMap|GetStringMapString|GetStringMapStringSlice|GetSizeInBytes|IsSet|SetDefault|Sub|InConfig|BindPFlag|BindEnv|UnmarshalKey)$")) @via
  arguments: (argument_list . (_) @config.read))
; viper.BindEnv("a.b", "ENV_A", "ENV_B"): the env names after the key
(call_expression
  function: (selector_expression
    operand: (_) @_v (#match? @_v "(?i)viper|^v$|^vp$|conf|cfg|settings")
    field: (field_identifier) @_f (#eq? @_f "BindEnv")) @via
  arguments: (argument_list . (_) (_) @env.read))
; koanf: k.String("a.b"), k.Bool("a.b"), k.Get("a.b")
(call_expression
  function: (selector_expression
    operand: (_) @_k (#match? @_k "(?i)^k$|^ko$|koanf")
    field: (field_identifier) @_f (#match? @_f "^(Get|String|Strings|Int|Int64|Ints|Float64|Bool|Bools|Duration|Time|Bytes|StringMap|Exists|MustString|MustInt|MustBool|MustDuration|Unmarshal|UnmarshalWithConf)$")) @via
  arguments: (argument_list . (_) @config.read))

; viper.SetEnvPrefix("app") + viper.AutomaticEnv(): env APP_A_B reads config key a.b
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#eq? @_f "SetEnvPrefix")) @via
  arguments: (argument_list . (_) @derive.env.config.prefix))
(call_expression
  function: (selector_expression
    field: (field_identifier) @derive.env.config (#eq? @derive.env.config "AutomaticEnv")) @via)
; v.SetEnvKeyReplacer(strings.NewReplacer(generateEnvKeyReplacements(cmd)...)):
; a replacer the code computes may split camelCase keys into words
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#eq? @_f "SetEnvKeyReplacer"))
  arguments: (argument_list . (_) @go.envreplacer))

; config structures: struct fields with yaml/json/toml/mapstructure tags,
; in named types and in variables of anonymous struct type (kong's var cli struct{...})
(type_spec
  name: (type_identifier)
  type: (struct_type)) @go.struct
(var_spec
  name: (identifier)
  type: (struct_type)) @go.struct

; structures the code loads configuration into: viper.Unmarshal(&cfg),
; yaml.Unmarshal(data, &cfg), toml.Decode(s, &cfg), json.NewDecoder(r).Decode(&cfg)
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#match? @_f "^(Unmarshal|UnmarshalExact|UnmarshalKey|Decode|DecodeFile|DecodeReader|Load)$"))
  arguments: (argument_list (unary_expression operator: "&" operand: [(identifier) (composite_literal)] @go.unmarshal)))

; ---- feature flags ----------------------------------------------------------

; LaunchDarkly: client.BoolVariation("key", ctx, false)
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#match? @_f "^(Bool|String|Int|Float64|JSON)Variation(Detail)?(Ctx)?$")) @via
  arguments: (argument_list . (_) @feature.read))
; OpenFeature: client.BooleanValue(ctx, "key", false, evalCtx), client.Boolean(ctx, "key", ...);
; the context first tells it from flag.String("listen", ":8080", "usage")
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#match? @_f "^(Boolean|String|Int|Float|Object)(Value(Details)?)?$")) @via
  arguments: (argument_list . (_) @_ctx (#match? @_ctx "(?i)ctx|context") . (interpreted_string_literal) @feature.read))
; Unleash: unleash.IsEnabled("key"); GrowthBook: gb.IsOn("key"), gb.Feature("key"), gb.EvalFeature(ctx, "key")
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#any-of? @_f "IsEnabled" "IsOn" "IsOff" "Feature" "GetVariant")) @via
  arguments: (argument_list . (interpreted_string_literal) @feature.read))
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#eq? @_f "EvalFeature")) @via
  arguments: (argument_list . (_) . (interpreted_string_literal) @feature.read))
; Split: client.Treatment(key, "feature", attrs)
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#any-of? @_f "Treatment" "TreatmentWithConfig")) @via
  arguments: (argument_list . (_) . (interpreted_string_literal) @feature.read))
; Flipt: &flipt.EvaluationRequest{FlagKey: "key"}
(keyed_element
  (literal_element (identifier) @_k (#eq? @_k "FlagKey")) @via
  (literal_element (interpreted_string_literal) @feature.read))

; a parser that accepts --no-<flag> for every flag it knows, by matching
; the literal "--no-" (httpie's un-setting of options)
((interpreted_string_literal) @derive.flag.flag.prefix @via (#match? @derive.flag.flag.prefix "^.--no-.$"))

; ---- constants, calls, programs ---------------------------------------------

(const_spec name: (identifier) @const.name value: (expression_list . (_) @const.value))
(var_spec name: (identifier) @const.name value: (expression_list . (_) @const.value))
(short_var_declaration left: (expression_list . (identifier) @local.name) right: (expression_list . (_) @local.value))

(call_expression
  function: (_) @call.func
  arguments: (argument_list [(interpreted_string_literal) (raw_string_literal)] @call.arg))

(call_expression
  function: (_) @call.func
  arguments: (argument_list (identifier) @call.param))
; a call of a generic function, f[T](x), reads as a type conversion
(type_conversion_expression
  type: (generic_type type: (type_identifier) @call.func)
  operand: (identifier) @call.param)
(type_conversion_expression
  type: (generic_type type: (type_identifier) @call.func)
  operand: (interpreted_string_literal) @call.arg)

(source_file
  (package_clause (package_identifier) @_pkg (#eq? @_pkg "main"))
  (function_declaration name: (identifier) @program.main (#eq? @program.main "main")))

; strings.ReplaceAll(o.Name, "_", "-"), strings.Replace(name, "_", "-", -1):
; snake_case option names turned into --dashed-flags (rclone's FlagName)
(call_expression
  function: (selector_expression
    operand: (identifier) @_pkg (#eq? @_pkg "strings")
    field: (field_identifier) @_fn (#any-of? @_fn "ReplaceAll" "Replace"))
  arguments: (argument_list . (_) . (interpreted_string_literal) @_from (#eq? @_from "\"_\"") . (interpreted_string_literal) @_to (#eq? @_to "\"-\""))) @flag.from-names

; func envName(parts ...string) string { return strings.ToUpper(strings.Join(parts, "_")) }:
; env names built from names of the code after a prefix the callers give
(function_declaration
  name: (identifier) @_n (#match? @_n "(?i)env")
  body: (block) @_b (#match? @_b "strings\\.ToUpper\\(") (#match? @_b "\"_\"")) @env.from-names.caller
(method_declaration
  name: (field_identifier) @_n (#match? @_n "(?i)env")
  body: (block) @_b (#match? @_b "strings\\.ToUpper\\(") (#match? @_b "\"_\"")) @env.from-names.caller

; "RCLONE_" + strings.ToUpper(name): env names built from names of the code
(binary_expression
  left: (interpreted_string_literal) @env.from-names.prefix (#match? @env.from-names.prefix "^\"[A-Z][A-Z0-9_]*_\"$")
  right: (call_expression
    function: (selector_expression
      operand: (identifier) @_pkg (#eq? @_pkg "strings")
      field: (field_identifier) @_fn (#eq? @_fn "ToUpper"))))

; ardanlabs/conf's conf.Parse("APP", &cfg): every field of cfg's structure
; is read from --field-path and APP_FIELD_PATH, named after its Go names
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#eq? @_f "Parse"))
  arguments: (argument_list . [(interpreted_string_literal) (identifier)] . (unary_expression operator: "&" operand: (identifier)))) @go.ardanconf

; kingpin's app.DefaultEnvars(): every flag is also read from APP_FLAG,
; the name kingpin.New was given and the flag's, upper-cased
(call_expression
  function: (selector_expression
    field: (field_identifier) @_f (#eq? @_f "DefaultEnvars"))) @go.defaultenvars

; the program a CLI library names: app.Name = "lego" (urfave/cli),
; &cli.App{Name: "lego"}; the name users type, whatever the directory
(assignment_statement
  left: (expression_list (selector_expression
    operand: (identifier) @_app (#match? @_app "(?i)^(app|cliapp|application)$")
    field: (field_identifier) @_n (#eq? @_n "Name")))
  right: (expression_list (interpreted_string_literal) @go.programname))
(composite_literal
  type: (qualified_type package: (package_identifier) @_p (#eq? @_p "cli") name: (type_identifier) @_t (#eq? @_t "App"))
  body: (literal_value (keyed_element
    (literal_element (identifier) @_k (#eq? @_k "Name"))
    (literal_element (interpreted_string_literal) @go.programname))))
