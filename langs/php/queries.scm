; PHP: getenv, $_ENV and $_SERVER, Laravel env() and config(), Symfony
; %env(X)% parameters and console options, Artisan signatures, feature
; flags (Laravel Pennant, LaunchDarkly, Unleash, OpenFeature).

; getenv('X'), env('X', default)
(function_call_expression
  function: (name) @_f @via (#match? @_f "^(getenv|env)$")
  arguments: (arguments . (argument (_) @env.read)))
; $_ENV['X'], $_SERVER['X']
(subscript_expression
  (variable_name (name) @_v @via (#match? @_v "^(_ENV|_SERVER)$"))
  (_) @env.read)
; config('a.b'), Config::get('a.b'), config()->get('a.b')
(function_call_expression
  function: (name) @_f @via (#eq? @_f "config")
  arguments: (arguments . (argument [(string) (encapsed_string)] @config.read)))
(scoped_call_expression
  scope: (name) @_s (#eq? @_s "Config")
  name: (name) @_m @via (#match? @_m "^(get|has|string|integer|boolean|array)$")
  arguments: (arguments . (argument (_) @config.read)))
; '%env(X)%', '%env(int:X)%' in Symfony parameters set from PHP
([(string) (encapsed_string)] @php.envparam (#match? @php.envparam "%env\\("))

; Artisan: protected $signature = 'mail:send {user} {--queue=} {--F|force}';
(property_element
  (variable_name (name) @_n (#eq? @_n "signature"))
  (property_initializer [(string) (encapsed_string)] @php.signature))
; Symfony console: ->addOption('dry-run', 'd', InputOption::VALUE_NONE)
(member_call_expression
  name: (name) @_m @via (#eq? @_m "addOption")
  arguments: (arguments . (argument (string) @flag.spec)))
; new InputOption('dry-run', 'd', InputOption::VALUE_NONE) in a definition
(object_creation_expression
  (name) @_o @via (#eq? @_o "InputOption")
  (arguments . (argument (string) @flag.spec)))
; Symfony #[AsCommand(name: 'app:sync')] and composer.json bin give programs

; feature flags
(scoped_call_expression
  scope: (name) @_s (#eq? @_s "Feature")
  name: (name) @_m @via (#match? @_m "^(active|inactive|value|when|unless|isEnabled)$")
  arguments: (arguments . (argument (_) @feature.read)))
(member_call_expression
  name: (name) @_m @via (#match? @_m "^(variation|variationDetail|isEnabled|getBooleanValue|getStringValue|getIntegerValue|getFloatValue|getObjectValue|getTreatment)$")
  arguments: (arguments (argument (string) @feature.read)))

; constants and locals
(const_element (name) @const.name (_) @const.value)
(function_call_expression
  function: (name) @_d (#eq? @_d "define")
  arguments: (arguments . (argument (string) @const.name) . (argument (_) @const.value)))
(assignment_expression left: (variable_name (name) @local.name) right: (_) @local.value)

; calls, for wrappers
(function_call_expression function: (name) @call.func arguments: (arguments (argument (string) @call.arg)))
(function_call_expression function: (name) @call.func arguments: (arguments (argument (variable_name (name) @call.param))))
(member_call_expression name: (name) @call.func arguments: (arguments (argument (string) @call.arg)))

; 'COMPOSER_' . strtoupper(strtr($key, '-', '_')): env names built from names of the code
(binary_expression
  left: (string) @env.from-names.prefix (#match? @env.from-names.prefix "^['\"][A-Z][A-Z0-9_]*_['\"]$")
  right: (function_call_expression function: (name) @_fn (#eq? @_fn "strtoupper")))
(binary_expression
  left: (encapsed_string) @env.from-names.prefix (#match? @env.from-names.prefix "^\"[A-Z][A-Z0-9_]*_\"$")
  right: (function_call_expression function: (name) @_fn (#eq? @_fn "strtoupper")))
