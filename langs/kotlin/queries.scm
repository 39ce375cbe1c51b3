; Kotlin: env and system-property reads, Spring/Micronaut/Quarkus config
; keys, picocli and Clikt options, feature-flag SDK calls.

; System.getenv("X"), System.getProperty("a.b")
(call_expression
  (navigation_expression
    (simple_identifier) @_o (#eq? @_o "System")
    (navigation_suffix (simple_identifier) @_m @via (#eq? @_m "getenv")))
  (call_suffix (value_arguments . (value_argument (_) @env.read))))
(call_expression
  (navigation_expression
    (simple_identifier) @_o (#eq? @_o "System")
    (navigation_suffix (simple_identifier) @_m @via (#eq? @_m "getProperty")))
  (call_suffix (value_arguments . (value_argument (_) @config.read))))
; System.getenv()["X"]
(indexing_expression
  (call_expression
    (navigation_expression
      (simple_identifier) @_o (#eq? @_o "System")
      (navigation_suffix (simple_identifier) @_m @via (#eq? @_m "getenv"))))
  (indexing_suffix . (_) @env.read))
; env.getProperty("a.b") on Spring's Environment
(call_expression
  (navigation_expression
    (_) @_o (#match? @_o "(?i)(^|\\.)(env|environment)$")
    (navigation_suffix (simple_identifier) @_m @via (#match? @_m "^(getProperty|getRequiredProperty)$")))
  (call_suffix (value_arguments . (value_argument (string_literal) @config.read))))

; @Value("${a.b:default}")
(annotation
  (constructor_invocation
    (user_type (type_identifier) @_a (#eq? @_a "Value"))
    (value_arguments (value_argument (string_literal) @kotlin.placeholder))))
; @ConfigProperty(name = "a.b"), @Property(name = "a.b")
(annotation
  (constructor_invocation
    (user_type (type_identifier) @_a @via (#match? @_a "^(ConfigProperty|Property)$"))
    (value_arguments (value_argument (simple_identifier) @_k (#eq? @_k "name") (string_literal) @config.read))))
; picocli @Option(names = ["-v", "--verbose"]) and @Option(names = arrayOf(..))
(annotation
  (constructor_invocation
    (user_type (type_identifier) @_a @via (#match? @_a "^(Option|Parameter)$"))
    (value_arguments (value_argument (simple_identifier) @_k (#eq? @_k "names") (string_literal) @flag.spec))))
(annotation
  (constructor_invocation
    (user_type (type_identifier) @_a @via (#match? @_a "^(Option|Parameter)$"))
    (value_arguments (value_argument (simple_identifier) @_k (#eq? @_k "names")
      [(collection_literal (string_literal) @flag.spec)
       (call_expression (call_suffix (value_arguments (value_argument (string_literal) @flag.spec))))]))))
; picocli @Command(name = "tool")
(annotation
  (constructor_invocation
    (user_type (type_identifier) @_a (#eq? @_a "Command"))
    (value_arguments (value_argument (simple_identifier) @_k (#eq? @_k "name") (string_literal) @kotlin.program))))

; Clikt: option("--dry-run", "-n", envvar = "X"), .flag("--no-color")
(call_expression
  (simple_identifier) @_f @via (#eq? @_f "option")
  (call_suffix (value_arguments (value_argument . (string_literal) @flag.spec))))
(call_expression
  (simple_identifier) @_f @via (#eq? @_f "option")
  (call_suffix (value_arguments (value_argument (simple_identifier) @_k (#eq? @_k "envvar") (string_literal) @env.read))))
(call_expression
  (navigation_expression (navigation_suffix (simple_identifier) @_f @via (#eq? @_f "flag")))
  (call_suffix (value_arguments (value_argument (string_literal) @flag.spec))))
; val dryRun by option() names the flag after the property
(property_declaration (property_delegate)) @kotlin.delegate

; classes: @ConfigurationProperties prefixes, and every class's properties
(class_declaration) @kotlin.class
(annotation (user_type (type_identifier) @_a (#eq? @_a "SpringBootApplication"))) @kotlin.springboot
(annotation (constructor_invocation (user_type (type_identifier) @_a (#eq? @_a "SpringBootApplication")))) @kotlin.springboot

; feature flags
(call_expression
  (navigation_expression
    (navigation_suffix (simple_identifier) @_m @via
      (#match? @_m "^((bool|string|int|double|jsonValue)Variation(Detail)?|get(Boolean|String|Integer|Double|Object)(Value|Details)|isEnabled|getTreatment)$")))
  (call_suffix (value_arguments (value_argument (string_literal) @feature.read))))

; constants and locals
(property_declaration (variable_declaration (simple_identifier) @const.name) (string_literal) @const.value)

; calls, for wrappers
(call_expression
  (simple_identifier) @call.func
  (call_suffix (value_arguments (value_argument (string_literal) @call.arg))))
(call_expression
  (navigation_expression) @call.func
  (call_suffix (value_arguments (value_argument (string_literal) @call.arg))))
(call_expression
  (simple_identifier) @call.func
  (call_suffix (value_arguments (value_argument (simple_identifier) @call.param))))
