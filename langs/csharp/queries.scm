; C#: Environment.GetEnvironmentVariable, IConfiguration keys (A:B, with
; the A__B env mapping), options classes bound by section,
; System.CommandLine and CommandLineParser options, feature flags.

; Environment.GetEnvironmentVariable("X"), System.Environment.GetEnvironmentVariable("X")
(invocation_expression
  function: (member_access_expression
    expression: [(identifier) (member_access_expression)] @_e (#match? @_e "^(System\\.|global::System\\.)?Environment$")
    name: (identifier) @_m @via (#eq? @_m "GetEnvironmentVariable"))
  arguments: (argument_list . (argument (_) @env.read)))

; configuration["A:B"]
(element_access_expression
  expression: (_) @_c @via (#match? @_c "(?i)(config|configuration|settings)$")
  subscript: (bracketed_argument_list . (argument (string_literal) @csharp.key)))
; configuration.GetValue<T>("A:B"), GetSection("A:B"), GetRequiredSection("A:B")
(invocation_expression
  function: (member_access_expression
    name: [(identifier) (generic_name)] @_m @via (#match? @_m "^(GetValue|GetSection|GetRequiredSection)\\b"))
  arguments: (argument_list . (argument (string_literal) @csharp.key)))
; GetConnectionString("Orders") reads ConnectionStrings:Orders
(invocation_expression
  function: (member_access_expression name: (identifier) @_m (#eq? @_m "GetConnectionString"))
  arguments: (argument_list . (argument (string_literal) @csharp.connection)))

; services.Configure<TOptions>(config.GetSection("Billing")),
; AddOptions<TOptions>().BindConfiguration("Billing") or .Bind(config.GetSection("Billing"))
(invocation_expression
  function: (member_access_expression name: (generic_name (identifier) @_m (#eq? @_m "Configure")))) @csharp.bind
(invocation_expression
  function: (member_access_expression name: (identifier) @_m (#match? @_m "^(BindConfiguration|Bind)$"))) @csharp.bind

; the host maps env vars onto keys: A__B sets A:B (with an optional prefix)
(invocation_expression
  function: (member_access_expression
    name: (identifier) @_m (#match? @_m "^(CreateBuilder|CreateDefaultBuilder|CreateApplicationBuilder|CreateSlimBuilder)$"))) @csharp.envdefault
(invocation_expression
  function: (member_access_expression name: (identifier) @_m (#eq? @_m "AddEnvironmentVariables"))
  arguments: (argument_list . (argument (string_literal) @csharp.envprefix)))

; System.CommandLine: new Option<bool>("--dry-run"), new Option<int>(new[] { "--count", "-c" })
(object_creation_expression
  type: (generic_name (identifier) @_o @via (#eq? @_o "Option"))
  arguments: (argument_list . (argument (string_literal) @flag.spec)))
(object_creation_expression
  type: (generic_name (identifier) @_o @via (#eq? @_o "Option"))
  arguments: (argument_list . (argument [
    (implicit_array_creation_expression (initializer_expression (string_literal) @flag.spec))
    (array_creation_expression (initializer_expression (string_literal) @flag.spec))])))
; CommandLineParser: [Option('v', "verbose")]
(attribute
  name: (identifier) @_a @via (#eq? @_a "Option")
  (attribute_argument_list (attribute_argument (string_literal) @flag.spec)))

; feature flags: Microsoft.FeatureManagement, LaunchDarkly, OpenFeature, Split
(invocation_expression
  function: (member_access_expression
    name: (identifier) @_m @via (#match? @_m "^(IsEnabledAsync|IsEnabled|BoolVariation|StringVariation|IntVariation|DoubleVariation|JsonVariation|GetBooleanValueAsync|GetStringValueAsync|GetIntegerValueAsync|GetDoubleValueAsync|GetObjectValueAsync|GetTreatment)$"))
  arguments: (argument_list (argument (string_literal) @feature.read)))
(attribute
  name: (identifier) @_a @via (#eq? @_a "FeatureGate")
  (attribute_argument_list (attribute_argument (string_literal) @feature.read)))

; options classes: properties are keys
(class_declaration) @csharp.class
(record_declaration) @csharp.class

; constants and locals
(field_declaration (variable_declaration (variable_declarator name: (identifier) @const.name (string_literal) @const.value)))
(local_declaration_statement (variable_declaration (variable_declarator name: (identifier) @local.name (_) @local.value)))

; calls, for wrappers
(invocation_expression
  function: (member_access_expression name: (identifier) @call.func)
  arguments: (argument_list (argument (string_literal) @call.arg)))
(invocation_expression
  function: (identifier) @call.func
  arguments: (argument_list (argument (string_literal) @call.arg)))
(invocation_expression
  function: (identifier) @call.func
  arguments: (argument_list (argument (identifier) @call.param)))
