; Java: env and system-property reads, Spring/Micronaut/Quarkus config
; keys, picocli and JCommander options, feature-flag SDK calls.

; System.getenv("X"); System.getProperty("a.b"); dotenv.get("X")
(method_invocation
  object: (identifier) @_o (#eq? @_o "System")
  name: (identifier) @_m @via (#eq? @_m "getenv")
  arguments: (argument_list . (_) @env.read))
(method_invocation
  object: (identifier) @_o (#match? @_o "^(System|Integer|Long|Boolean)$")
  name: (identifier) @_m @via (#match? @_m "^(getProperty|getInteger|getLong|getBoolean)$")
  arguments: (argument_list . (_) @config.read))
(method_invocation
  object: (identifier) @_o (#match? @_o "^(dotenv|Dotenv)$")
  name: (identifier) @_m @via (#eq? @_m "get")
  arguments: (argument_list . (string_literal) @env.read))
; Spring's Environment: env.getProperty("a.b"), environment.getRequiredProperty("a.b")
(method_invocation
  object: (_) @_o (#match? @_o "(?i)(^|\\.)(env|environment)$")
  name: (identifier) @_m @via (#match? @_m "^(getProperty|getRequiredProperty|containsProperty)$")
  arguments: (argument_list . (string_literal) @config.read))

; @Value("${a.b:default}") (Spring, Micronaut)
(annotation
  name: (identifier) @_a (#eq? @_a "Value")
  arguments: (annotation_argument_list (string_literal) @java.placeholder))
; @ConfigProperty(name = "a.b") (Quarkus, MicroProfile), @Property(name = "a.b") (Micronaut)
(annotation
  name: (identifier) @_a @via (#match? @_a "^(ConfigProperty|Property)$")
  arguments: (annotation_argument_list
    (element_value_pair key: (identifier) @_k (#eq? @_k "name") value: (string_literal) @config.read)))

; picocli @Option(names = {"-v", "--verbose"}), JCommander @Parameter(names = "--x")
(annotation
  name: (identifier) @_a @via (#match? @_a "^(Option|Parameter)$")
  arguments: (annotation_argument_list
    (element_value_pair key: (identifier) @_k (#eq? @_k "names") value: (string_literal) @flag.spec)))
(annotation
  name: (identifier) @_a @via (#match? @_a "^(Option|Parameter)$")
  arguments: (annotation_argument_list
    (element_value_pair key: (identifier) @_k (#eq? @_k "names")
      value: (element_value_array_initializer (string_literal) @flag.spec))))
; picocli @Command(name = "tool") names a program
(annotation
  name: (identifier) @_a (#eq? @_a "Command")
  arguments: (annotation_argument_list
    (element_value_pair key: (identifier) @_k (#eq? @_k "name") value: (string_literal) @java.program)))

; @ConfigurationProperties(prefix = "billing") classes and records
(class_declaration (modifiers (annotation name: (identifier) @_a (#eq? @_a "ConfigurationProperties")))) @java.properties
(record_declaration (modifiers (annotation name: (identifier) @_a (#eq? @_a "ConfigurationProperties")))) @java.properties
; plain classes, for the nested types of properties classes
(class_declaration) @java.class
; Spring Boot binds every key from the environment too
(annotation name: (identifier) @_a (#eq? @_a "SpringBootApplication")) @java.springboot
(marker_annotation name: (identifier) @_a (#eq? @_a "SpringBootApplication")) @java.springboot

; feature flags: LaunchDarkly boolVariation("key", ctx, false), OpenFeature
; getBooleanValue("key", false), Unleash/Togglz isEnabled("key"), Split
; getTreatment(key, "flag"), FF4j ff4j.check("key")
(method_invocation
  name: (identifier) @_m @via (#match? @_m "^((bool|string|int|double|jsonValue)Variation(Detail)?|get(Boolean|String|Integer|Double|Object)(Value|Details)|isEnabled|getTreatment)$")
  arguments: (argument_list (string_literal) @feature.read))
(method_invocation
  object: (identifier) @_o (#match? @_o "(?i)ff4j")
  name: (identifier) @_m @via (#eq? @_m "check")
  arguments: (argument_list . (string_literal) @feature.read))

; constants and locals
(field_declaration declarator: (variable_declarator name: (identifier) @const.name value: (_) @const.value))
(local_variable_declaration declarator: (variable_declarator name: (identifier) @local.name value: (_) @local.value))

; calls, for wrappers
(method_invocation
  name: (identifier) @call.func
  arguments: (argument_list (string_literal) @call.arg))
(method_invocation
  name: (identifier) @call.func
  arguments: (argument_list (identifier) @call.param))

; "PMD_" + lang.getId().toUpperCase(Locale.ROOT) + "_" + ...: env names
; built from names of the code after a literal prefix
(binary_expression
  left: (string_literal) @env.from-names.prefix (#match? @env.from-names.prefix "^\"[A-Z][A-Z0-9_]*_\"$")
  right: (method_invocation
    name: (identifier) @_m (#eq? @_m "toUpperCase")))
