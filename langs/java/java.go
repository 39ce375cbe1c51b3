// Package java teaches docverify to read Java: System.getenv and system
// properties, Spring's @Value and @ConfigurationProperties (with relaxed
// binding from the environment), Micronaut and Quarkus config properties,
// picocli and JCommander options, feature-flag SDK calls, and the
// programs and dependencies of Maven and Gradle builds.
package java

import (
	_ "embed"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/java"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the Java language.
var Spec = &lang.Spec{
	Name:  "java",
	Title: "Java",
	Idioms: lang.Idioms{
		Env:      "`System.getenv`, dotenv-java, Spring relaxed binding (`A_B_CC` for `a.b-cc`)",
		Flags:    "picocli `@Option`, JCommander `@Parameter`",
		Config:   "`System.getProperty`, Spring `@Value` and `@ConfigurationProperties`, Micronaut/Quarkus `@ConfigProperty`/`@Property`",
		Features: "LaunchDarkly, OpenFeature, Unleash, Togglz, Split, FF4j",
		Programs: "picocli `@Command(name)`, `pom.xml`, `build.gradle`, `settings.gradle`",
	},
	Extensions: []string{".java"},
	Grammar:    java.GetLanguage,
	Queries:    queries,
	Needles: []string{"getenv", "getProperty", "getInteger", "getLong", "getBoolean", "Dotenv", "dotenv", "@Value", "ConfigProperty",
		"@Property", "@Option", "@Parameter", "@Command", "ConfigurationProperties", "SpringBootApplication",
		"Variation", "Value(", "Details(", "isEnabled", "getTreatment", "check("},
	IsTest: func(p string) bool {
		return strings.Contains(p, "src/test/") || strings.HasSuffix(p, "Test.java") || strings.HasSuffix(p, "Tests.java")
	},
	Value:    value,
	Function: function,
	Program:  func(string, lang.Project) string { return "" }, // named by @Command and the build, not by the file
	Custom: map[string]lang.Handler{
		"java.placeholder": Placeholders, "java.program": CommandProgram, "java.properties": propertiesClass,
		"java.class": class, "java.springboot": SpringBoot,
	},
	Manifests: Manifests,
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string_literal":
		return []lang.Part{{Lit: strings.Trim(n.Content(src), `"`)}}
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "field_access":
		if f := n.ChildByFieldName("field"); f != nil {
			return []lang.Part{{Ref: f.Content(src)}}
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return value(n.NamedChild(0), src)
		}
	case "binary_expression":
		if op := n.ChildByFieldName("operator"); op != nil && op.Content(src) == "+" {
			return append(value(n.ChildByFieldName("left"), src), value(n.ChildByFieldName("right"), src)...)
		}
	}
	return []lang.Part{{Unknown: true}}
}

func function(n *sitter.Node, src []byte) (lang.Function, bool) {
	return lang.NamedFunction(n, src, "method_declaration", "constructor_declaration")
}

// Placeholders reads the ${key:default} placeholders of a Spring or
// Micronaut @Value string; #{...} expressions are left alone. Kotlin
// shares it.
func Placeholders(f *lang.File, lit *sitter.Node) {
	s, ok := f.Literal(lit)
	if !ok {
		return
	}
	for off := 0; ; {
		i := strings.Index(s[off:], "${")
		if i < 0 {
			return
		}
		start := off + i + 2
		end := strings.IndexAny(s[start:], ":}")
		if end < 0 {
			return
		}
		key := strings.TrimSpace(s[start : start+end])
		if key != "" && !strings.ContainsAny(key, " #{") {
			f.ReadNameAt(verify.Config, key, lit, start, "@Value", false)
		}
		off = start + end
	}
}

// CommandProgram records picocli's @Command(name = "tool") as a program.
// Kotlin shares it.
func CommandProgram(f *lang.File, lit *sitter.Node) {
	if name, ok := f.Literal(lit); ok && name != "" && !strings.ContainsAny(name, " <>") {
		f.Facts.Programs = append(f.Facts.Programs, verify.Program{Name: name, Site: f.Site(lit), Via: "@Command(name)"})
	}
}

// SpringBoot records Spring Boot's relaxed binding: every config key can
// also be set as an env var, upper-cased, dots as underscores, dashes
// dropped (billing.fraud-check.enabled from BILLING_FRAUDCHECK_ENABLED).
// Kotlin shares it.
func SpringBoot(f *lang.File, n *sitter.Node) {
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Nest: "_", DropDashes: true, Site: f.Site(n), Via: "Spring Boot relaxed binding"})
}
