// Package csharp teaches docverify to read C#: environment reads,
// IConfiguration keys ("Billing:Retries", which docs write as
// Billing.Retries in appsettings.json or Billing__Retries in the
// environment), options classes bound to sections, System.CommandLine and
// CommandLineParser options, feature flags, and .csproj projects.
package csharp

import (
	_ "embed"
	"encoding/xml"
	"path"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/csharp"

	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

//go:embed queries.scm
var queries string

// Spec is the C# language.
var Spec = &lang.Spec{
	Name:  "csharp",
	Title: "C#",
	Idioms: lang.Idioms{
		Env:      "`Environment.GetEnvironmentVariable`, the host's `A__B` mapping, `AddEnvironmentVariables(prefix)`",
		Flags:    "System.CommandLine `Option<T>`, CommandLineParser `[Option]`",
		Config:   "`IConfiguration[...]`, `GetValue`, `GetSection`, `GetConnectionString`, options classes bound to sections, `[JsonPropertyName]`/`[YamlMember]`",
		Features: "Microsoft.FeatureManagement, LaunchDarkly, OpenFeature, Split",
		Programs: "`.csproj` (executables, packages)",
	},
	Extensions: []string{".cs"},
	Grammar:    csharp.GetLanguage,
	Queries:    queries,
	Needles: []string{"GetEnvironmentVariable", "onfig", "ettings", "GetValue", "GetSection", "GetRequiredSection", "GetConnectionString",
		"Configure<", "Bind", "CreateBuilder", "CreateDefaultBuilder", "CreateApplicationBuilder", "CreateSlimBuilder",
		"AddEnvironmentVariables", "Option", "IsEnabled", "Variation", "ValueAsync", "GetTreatment", "FeatureGate"},
	IsTest: func(p string) bool {
		return strings.Contains(p, ".Tests/") || strings.Contains(p, ".Test/") || strings.HasSuffix(p, "Tests.cs") || strings.HasSuffix(p, "Test.cs")
	},
	Value:    value,
	Function: function,
	Program:  func(string, lang.Project) string { return "" }, // programs come from the .csproj
	Custom: map[string]lang.Handler{
		"csharp.key": key, "csharp.connection": connection, "csharp.bind": bind, "csharp.class": class,
		"csharp.envdefault": envDefault, "csharp.envprefix": envPrefix,
	},
	Manifests: map[string]lang.Manifest{"*.csproj": csproj},
}

func value(n *sitter.Node, src []byte) []lang.Part {
	switch n.Type() {
	case "string_literal", "verbatim_string_literal":
		s := n.Content(src)
		s = strings.TrimPrefix(s, "@")
		return []lang.Part{{Lit: strings.Trim(s, `"`)}}
	case "interpolated_string_expression":
		var out []lang.Part
		for i := 0; i < int(n.NamedChildCount()); i++ {
			c := n.NamedChild(i)
			switch c.Type() {
			case "string_content", "interpolated_string_text", "string_literal_content":
				out = append(out, lang.Part{Lit: c.Content(src)})
			case "interpolation":
				if c.NamedChildCount() == 1 && c.NamedChild(0).Type() == "identifier" {
					out = append(out, lang.Part{Ref: c.NamedChild(0).Content(src)})
				} else {
					out = append(out, lang.Part{Unknown: true})
				}
			}
		}
		return out
	case "identifier":
		return []lang.Part{{Ref: n.Content(src)}}
	case "member_access_expression":
		if name := n.ChildByFieldName("name"); name != nil {
			return []lang.Part{{Ref: name.Content(src)}}
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
	return lang.NamedFunction(n, src, "method_declaration", "local_function_statement", "constructor_declaration")
}

// dotted turns a configuration path, Billing:Retries, into the dotted key
// docs and config snippets give, Billing.Retries.
func dotted(s string) string { return strings.ReplaceAll(s, ":", ".") }

func key(f *lang.File, lit *sitter.Node) {
	if s, ok := f.Literal(lit); ok && s != "" {
		f.ReadName(verify.Config, dotted(s), lit, "IConfiguration", false)
	}
}

func connection(f *lang.File, lit *sitter.Node) {
	if s, ok := f.Literal(lit); ok && s != "" {
		f.ReadName(verify.Config, "ConnectionStrings."+s, lit, "GetConnectionString", false)
	}
}

// bind reads an options class bound to a section:
// services.Configure<BillingOptions>(config.GetSection("Billing")) or
// AddOptions<BillingOptions>().BindConfiguration("Billing").
func bind(f *lang.File, call *sitter.Node) {
	fn := call.ChildByFieldName("function")
	args := call.ChildByFieldName("arguments")
	if fn == nil || args == nil {
		return
	}
	class := typeArgument(fn.ChildByFieldName("name"), f.Src)
	if class == "" {
		// .Bind(..) and .BindConfiguration(..) take the type of the
		// AddOptions<T>() they are called on
		if recv := fn.ChildByFieldName("expression"); recv != nil && recv.Type() == "invocation_expression" {
			if rf := recv.ChildByFieldName("function"); rf != nil {
				class = typeArgument(rf.ChildByFieldName("name"), f.Src)
			}
		}
	}
	if class == "" {
		return
	}
	lit := sectionLiteral(args)
	if lit == nil {
		return
	}
	s, ok := f.Literal(lit)
	if !ok || s == "" {
		return
	}
	f.BindSection(strings.Split(dotted(s), "."), lit, class, "options bound to a section")
}

func typeArgument(name *sitter.Node, src []byte) string {
	if name == nil || name.Type() != "generic_name" {
		return ""
	}
	for i := 0; i < int(name.NamedChildCount()); i++ {
		if ta := name.NamedChild(i); ta.Type() == "type_argument_list" && ta.NamedChildCount() > 0 {
			return ta.NamedChild(0).Content(src)
		}
	}
	return ""
}

// sectionLiteral finds the section name of a binding's arguments: a
// literal, or the literal of a GetSection("X") call.
func sectionLiteral(args *sitter.Node) *sitter.Node {
	if args.NamedChildCount() == 0 {
		return nil
	}
	a := args.NamedChild(0)
	if a.NamedChildCount() == 0 {
		return nil
	}
	v := a.NamedChild(int(a.NamedChildCount()) - 1)
	switch v.Type() {
	case "string_literal":
		return v
	case "invocation_expression":
		if inner := v.ChildByFieldName("arguments"); inner != nil {
			return sectionLiteral(inner)
		}
	}
	return nil
}

// class records the public properties of a class or record as keys of
// its type, weakly: they count when a binding reaches the class.
func class(f *lang.File, n *sitter.Node) {
	name := n.ChildByFieldName("name")
	if name == nil {
		return
	}
	owner := name.Content(f.Src)
	if params := lang.FirstChild(n, "parameter_list"); params != nil { // record Billing(int Retries)
		for i := 0; i < int(params.NamedChildCount()); i++ {
			p := params.NamedChild(i)
			if pn := p.ChildByFieldName("name"); pn != nil {
				addProperty(f, owner, pn, p.ChildByFieldName("type"))
			}
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		return
	}
	// A class whose properties name their keys ([JsonPropertyName("x")],
	// [YamlMember(Alias = "x")]) is a serialised structure: its keys count
	// without a binding in sight, as Go's tagged structs do.
	var props []*sitter.Node
	named := false
	for i := 0; i < int(body.NamedChildCount()); i++ {
		if d := body.NamedChild(i); d.Type() == "property_declaration" {
			props = append(props, d)
			if k, _ := keyAttribute(d, f.Src); k != nil {
				named = true
			}
		}
	}
	for _, d := range props {
		pn := d.ChildByFieldName("name")
		if pn == nil {
			continue
		}
		t, isMap := propertyType(d.ChildByFieldName("type"), f.Src)
		if k, via := keyAttribute(d, f.Src); k != nil {
			if s, ok := f.Literal(k); ok && s != "" {
				f.AddField(verify.Field{Owner: owner, Key: s, Type: t, Map: isMap, Site: f.Site(k), Via: via})
				continue
			}
		}
		f.AddField(verify.Field{Owner: owner, Key: pn.Content(f.Src), Type: t, Map: isMap, Weak: !named, Site: f.Site(pn), Via: "property"})
	}
}

// keyAttributes name a property's key in a serialised form.
var keyAttributes = map[string]bool{"JsonPropertyName": true, "JsonProperty": true, "YamlMember": true, "DataMember": true, "ConfigurationKeyName": true}

// keyAttribute finds the literal of a key-naming attribute on a
// property, and the attribute's name.
func keyAttribute(d *sitter.Node, src []byte) (*sitter.Node, string) {
	for i := 0; i < int(d.NamedChildCount()); i++ {
		al := d.NamedChild(i)
		if al.Type() != "attribute_list" {
			continue
		}
		for j := 0; j < int(al.NamedChildCount()); j++ {
			a := al.NamedChild(j)
			name := a.ChildByFieldName("name")
			if name == nil || !keyAttributes[name.Content(src)] {
				continue
			}
			args := lang.FirstChild(a, "attribute_argument_list")
			if args == nil {
				continue
			}
			for k := 0; k < int(args.NamedChildCount()); k++ {
				arg := args.NamedChild(k)
				if arg.NamedChildCount() == 0 {
					continue
				}
				v := arg.NamedChild(0)
				if v.Type() == "assignment_expression" {
					if l := v.ChildByFieldName("left"); l != nil && (l.Content(src) == "Alias" || l.Content(src) == "Name" || l.Content(src) == "PropertyName") {
						v = v.ChildByFieldName("right")
					} else {
						continue
					}
				}
				if v != nil && v.Type() == "string_literal" {
					return v, "[" + name.Content(src) + "]"
				}
			}
		}
	}
	return nil, ""
}

// addProperty records a record's positional property.
func addProperty(f *lang.File, owner string, name, typ *sitter.Node) {
	t, isMap := propertyType(typ, f.Src)
	f.AddField(verify.Field{Owner: owner, Key: name.Content(f.Src), Type: t, Map: isMap, Weak: true, Site: f.Site(name), Via: "property"})
}

// propertyType is the class a property holds, through List<T>, T[] and
// the values of dictionaries, and whether it is a dictionary.
func propertyType(n *sitter.Node, src []byte) (string, bool) {
	isMap := false
	for depth := 0; n != nil && depth < 4; depth++ {
		switch n.Type() {
		case "identifier":
			if scalar[n.Content(src)] {
				return "", isMap
			}
			return n.Content(src), isMap
		case "nullable_type", "array_type":
			n = n.NamedChild(0)
		case "generic_name":
			base := n.NamedChild(0).Content(src)
			ta := n.NamedChild(int(n.NamedChildCount()) - 1)
			if ta.Type() != "type_argument_list" || ta.NamedChildCount() == 0 {
				return "", isMap
			}
			switch base {
			case "Dictionary", "IDictionary", "IReadOnlyDictionary":
				isMap = true
				n = ta.NamedChild(int(ta.NamedChildCount()) - 1)
			case "List", "IList", "IEnumerable", "IReadOnlyList", "ICollection":
				n = ta.NamedChild(0)
			default:
				return base, isMap
			}
		default:
			return "", isMap
		}
	}
	return "", isMap
}

var scalar = map[string]bool{"TimeSpan": true, "Uri": true, "DateTime": true, "DateTimeOffset": true, "Guid": true, "String": true}

// envDefault records the default hosts' env mapping: every key can be
// set as an env var, sections joined by a double underscore
// (Billing__Retries sets Billing:Retries).
func envDefault(f *lang.File, call *sitter.Node) {
	f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Nest: "__", Independent: true, Site: f.Site(call), Via: "the .NET host's environment variables"})
}

func envPrefix(f *lang.File, lit *sitter.Node) {
	if s, ok := f.Literal(lit); ok && s != "" {
		f.Derive(verify.Derivation{Kind: verify.Env, From: verify.Config, Prefix: strings.ToUpper(s), Nest: "__", Site: f.Site(lit), Via: "AddEnvironmentVariables"})
	}
}

// csproj reads a project file: an executable's program (its tool command
// or assembly name, else the project's name) and its package references.
func csproj(p string, src []byte) ([]verify.Program, []verify.Dependency) {
	var proj struct {
		PropertyGroups []struct {
			OutputType      string `xml:"OutputType"`
			AssemblyName    string `xml:"AssemblyName"`
			ToolCommandName string `xml:"ToolCommandName"`
			PackAsTool      string `xml:"PackAsTool"`
		} `xml:"PropertyGroup"`
		ItemGroups []struct {
			Packages []struct {
				Include string `xml:"Include,attr"`
			} `xml:"PackageReference"`
		} `xml:"ItemGroup"`
	}
	if err := xml.Unmarshal(src, &proj); err != nil {
		return nil, nil
	}
	name := strings.TrimSuffix(path.Base(p), ".csproj")
	exe := false
	for _, g := range proj.PropertyGroups {
		if strings.EqualFold(g.OutputType, "Exe") || strings.EqualFold(g.PackAsTool, "true") {
			exe = true
		}
		if g.AssemblyName != "" {
			name = g.AssemblyName
		}
		if g.ToolCommandName != "" {
			name = g.ToolCommandName
		}
	}
	var progs []verify.Program
	if exe {
		progs = append(progs, verify.Program{Name: name, Site: verify.Site{Line: 1, Col: 1}, Via: ".csproj"})
	}
	var deps []verify.Dependency
	for _, g := range proj.ItemGroups {
		for _, pkg := range g.Packages {
			deps = append(deps, verify.Dependency{Name: pkg.Include, Site: lang.TextSite(src, `"`+pkg.Include+`"`)})
		}
	}
	return progs, deps
}
