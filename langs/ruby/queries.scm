; Ruby: ENV reads, OptionParser and Thor options, Rails custom config,
; feature-flag SDKs (Flipper, LaunchDarkly, Unleash, OpenFeature, Split).

; ENV["X"], ENV.fetch("X", default), ENV.key?("X")
(element_reference
  object: (constant) @_e @via (#eq? @_e "ENV")
  . (_) @env.read)
(call
  receiver: (constant) @_e (#eq? @_e "ENV")
  method: (identifier) @_m @via (#match? @_m "^(fetch|key\\?|has_key\\?|include\\?)$")
  arguments: (argument_list . (_) @env.read))

; OptionParser: opts.on("-v", "--[no-]verbose", "Talk more")
(call
  method: (identifier) @_m @via (#match? @_m "^(on|on_tail|on_head)$")
  arguments: (argument_list (string) @ruby.optspec))
; Thor: class_option :verbose, method_option :dry_run, type: :boolean
(call
  method: (identifier) @_m (#match? @_m "^(class_option|method_option|option)$")
  arguments: (argument_list . (simple_symbol))) @ruby.thor

; Rails custom configuration: config.x.payment.retries
(call method: (identifier) @_x (#eq? @_x "x")) @ruby.configx

; feature flags
(call
  receiver: (constant) @_f (#eq? @_f "Flipper")
  method: (identifier) @_m @via (#match? @_m "^(enabled\\?|enable|disable)$")
  arguments: (argument_list . (_) @feature.read))
(element_reference
  object: (constant) @_f @via (#eq? @_f "Flipper")
  . (_) @feature.read)
(call
  method: (identifier) @_m @via (#match? @_m "^(variation|variation_detail|is_enabled\\?|enabled\\?|feature_enabled\\?|get_treatment)$")
  arguments: (argument_list (string) @feature.read))
(call
  method: (identifier) @_m @via (#match? @_m "^fetch_(boolean|string|number|integer|float|object)_value(_details)?$")
  arguments: (argument_list (pair key: (hash_key_symbol) @_k (#eq? @_k "flag_key") value: (_) @feature.read)))

; constants and locals
(assignment left: (constant) @const.name right: (_) @const.value)
(assignment left: (identifier) @local.name right: (_) @local.value)

; calls, for wrappers
(call method: (identifier) @call.func arguments: (argument_list (string) @call.arg))
(call method: (identifier) @call.func arguments: (argument_list (identifier) @call.param))

; Konfig (konfig-config): a schema drawn as groups of typed attributes,
; Konfig::Schema.draw do group :postal do string :web_hostname … end end,
; and its environment source, which reads each as GROUP_ATTRIBUTE
(call
  receiver: (_) @_r (#match? @_r "(^|::)Schema$")
  method: (identifier) @_m (#eq? @_m "draw")
  block: (_)) @ruby.konfig
((scope_resolution) @ruby.konfigenv (#match? @ruby.konfigenv "(^|::)Konfig::Sources::Environment$"))
