package names

import "testing"

func TestShapes(t *testing.T) {
	cases := map[string]Shape{
		"DATABASE_URL":        UpperSnake,
		"ENABLE_X":            UpperSnake,
		"PORT":                UpperWord,
		"--dry-run":           LongFlag,
		"--x":                 LongFlag,
		"--09-30":             None, // a date in sample output
		"-dry-run":            SingleDash,
		"-HI":                 None, // short flags run together
		"-Eexample":           None, // a short flag and its value
		"-CommandWithArgs":    None,
		"-v":                  None,
		"retry.max_attempts":  Dotted,
		"config.yaml":         Dotted,
		"new-checkout":        LowerWord,
		"maxAttempts":         LowerWord,
		"hello":               None,
		"a b":                 None,
		"_private":            None,
		"_ZO_DATA_DIR":        UpperSnake,
		"__PYVENV_LAUNCHER__": None,
		"___X_Y":              None,
	}
	for tok, want := range cases {
		if got := Of(tok); got != want {
			t.Errorf("Of(%q) = %d, want %d", tok, got, want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for _, tok := range []string{"<YOUR_TOKEN>", "YOUR_API_KEY", "MY_VAR", "APP_[NAME]_SECRET", "TOKEN_HERE", "XXX_KEY", "FOO_BAR", "FOO", "${...}", "CHANGEME", "option_1", "KEY2", "KEYNAME", "VAR_NAME", "ENV_VAR", "VAR", "VARIABLE", "ENVIRONMENT_VARIABLES", "NON_EXISTENT", "VITE_SOME_KEY", "VITE_BAR", "APP_YOUR_TOKEN", "TASK_VARIABLE", "--long-name", "--some-flag", "--flag-name", "--option-name", "setting-value1", "setting-valueN", "--flags", "--option", "--switch", "--arguments", "--new-from-xxx", "functions.my-assistant.evaluators.exact", "routes.your_route.url", "UPPER_SNAKE_CASE", "SCREAMING_SNAKE_CASE", "CONSTANT_CASE"} {
		if !IsPlaceholder(tok) {
			t.Errorf("IsPlaceholder(%q) = false", tok)
		}
	}
	for _, tok := range []string{"DATABASE_URL", "API_TOKEN", "FOOTER_TEXT", "MYSQL_HOST", "THEME_COLOR", "BARCODE_FORMAT", "OTHER_HOST", "ANY_ORIGIN", "KEY_FILE", "OPTION_NAME_SUFFIX", "S3_BUCKET", "BARCODE_SOMETHING", "APP_MYSQL_HOST", "--flagsfile", "MAX_VALUE", "--value-file", "db.mysql.host", "functions.mymodel.x", "SNAKE_CASE_KEYS", "VAR_DIR", "VARNISH_HOST"} {
		if IsPlaceholder(tok) {
			t.Errorf("IsPlaceholder(%q) = true", tok)
		}
	}
}

func TestLetterRunsAreNotNames(t *testing.T) {
	for tok, want := range map[string]Shape{
		"diouxXeEfFgGcrs": None, "xYaBcDeF": None,
		"maxAttempts": LowerWord, "setUpIoCtx": LowerWord, "enableHTTP2": LowerWord, "isAOrB": LowerWord,
	} {
		if got := Of(tok); got != want {
			t.Errorf("Of(%q) = %v, want %v", tok, got, want)
		}
	}
}

func TestNotNames(t *testing.T) {
	for _, tok := range []string{"GET", "NOT_FOUND", "RESOURCE_EXHAUSTED", "CURRENT_TIMESTAMP", "CODE_OF_CONDUCT", "ERR_INVALID_ARG_TYPE", "SIGTERM", "SIGWINCH"} {
		if !IsNotAName(tok) {
			t.Errorf("IsNotAName(%q) = false", tok)
		}
	}
	for _, tok := range []string{"DATABASE_URL", "ENABLE_X", "LOG_LEVEL", "SIGH_USERNAME", "SIGNING_KEY"} {
		if IsNotAName(tok) {
			t.Errorf("IsNotAName(%q) = true", tok)
		}
	}
}

func TestSplit(t *testing.T) {
	cases := []struct {
		tok  string
		want Parts
	}{
		{"$FOO", Parts{Name: "FOO", Offset: 1, Dollar: true}},
		{"${FOO}", Parts{Name: "FOO", Offset: 2, Dollar: true}},
		{"${FOO:-bar}", Parts{Name: "FOO", Offset: 2, Dollar: true}},
		{"FOO=1", Parts{Name: "FOO", Assigned: true}},
		{"--port=8080", Parts{Name: "--port", Assigned: true}},
		{"FOO", Parts{Name: "FOO"}},
	}
	for _, c := range cases {
		if got := Split(c.tok); got != c.want {
			t.Errorf("Split(%q) = %+v, want %+v", c.tok, got, c.want)
		}
	}
}
