package extract

import (
	"regexp"

	"github.com/docverify/docverify/verify"
)

// luaConfigRE finds the shapes of a Lua config file: a file that returns
// its table (wezterm.lua's return { ... }), a config builder's fields
// (config.font_size = 12), or a plugin's setup table (require('x').setup({ ... })).
var luaConfigRE = regexp.MustCompile(`(?m)^\s*return\s*\{|^\s*config\.[A-Za-z_]\w*\s*=|\.setup\s*\(?\s*\{`)

// luaFieldRE is a config builder's field: config.tls_domains = {.
var luaFieldRE = regexp.MustCompile(`(?m)^[ \t]*config\.([A-Za-z_]\w*)\s*=`)

// luaKeyRE is a key at the start of a line of a table: "  wsl_domains = {".
var luaKeyRE = regexp.MustCompile(`^[ \t]*([A-Za-z_]\w*)[ \t]*=[^=]`)

// luaBlock reads a Lua snippet shaped as a config file: the keys of the
// table it returns or passes to setup, at its first level, and the fields
// a config builder sets. Deeper keys are the entries of the values (a
// domain's name), which the user writes.
func (e *extractor) luaBlock(s snippet) {
	if !luaConfigRE.MatchString(s.text) {
		return
	}
	claim := func(name string, off int) {
		j := e.blockJudgement(s, off, name)
		e.add(verify.Claim{Kind: verify.Config, Name: name, Text: name, Source: verify.ConfigBlock, Explicit: true,
			Safety: j.safety, Historical: j.historical, Context: j.context}, s.toDoc(off))
	}
	for _, m := range luaFieldRE.FindAllStringSubmatchIndex(s.text, -1) {
		claim(s.text[m[2]:m[3]], m[2])
	}
	// the first level of the returned (or setup) table, skipping strings
	// and comments
	depth, inTable := 0, false
	lineStart := true
	for i := 0; i < len(s.text); i++ {
		c := s.text[i]
		switch {
		case c == '-' && i+1 < len(s.text) && s.text[i+1] == '-':
			for i < len(s.text) && s.text[i] != '\n' {
				i++
			}
			lineStart = true
			continue
		case c == '"' || c == '\'':
			for i++; i < len(s.text) && s.text[i] != c && s.text[i] != '\n'; i++ {
				if s.text[i] == '\\' {
					i++
				}
			}
		case c == '{':
			if depth == 0 {
				inTable = true
			}
			depth++
		case c == '}':
			depth--
		case c == '\n':
			lineStart = true
			continue
		}
		if lineStart && depth == 1 && inTable && c != '{' {
			if m := luaKeyRE.FindStringSubmatchIndex(s.text[i:]); m != nil && m[2] == 0 {
				claim(s.text[i+m[2]:i+m[3]], i+m[2])
			}
		}
		if c != ' ' && c != '\t' {
			lineStart = false
		}
	}
}
