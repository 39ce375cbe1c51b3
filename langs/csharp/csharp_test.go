package csharp

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env and configuration", Src: `public static class Program {
    const string Token = "APP_TOKEN";
    public static void Main(string[] args) {
        var builder = WebApplication.CreateBuilder(args);
        var a = Environment.GetEnvironmentVariable("APP_A");
        var t = Environment.GetEnvironmentVariable(Token);
        var b = builder.Configuration["Billing:Currency"];
        var c = builder.Configuration.GetValue<int>("Billing:Timeout");
        var cs = builder.Configuration.GetConnectionString("Orders");
        builder.Configuration.AddEnvironmentVariables("ORDERS_");
        var u = Environment.GetEnvironmentVariable($"{prefix}_USER");
        var h = dict["APP_DICT"];
    }
}
`, Want: `
const Token=APP_TOKEN
derive env<-config ORDERS_ nest=__
derive env<-config  nest=__
dynamic env *_USER @"$\"{"
read config Billing.Currency @Billing IConfiguration
read config Billing.Timeout @Billing IConfiguration
read config ConnectionStrings.Orders @Orders GetConnectionString
read env APP_A @APP_A GetEnvironmentVariable
read env APP_TOKEN @Token GetEnvironmentVariable of constant Token
`},
		{Name: "options classes", Src: `public class BillingOptions {
    public int Retries { get; set; }
    public LimitOptions Limits { get; set; }
    public Dictionary<string, PlanOptions> Plans { get; set; }
}
public record LimitOptions(int PerMinute);
static class Setup {
    static void Add(IServiceCollection services, IConfiguration config) {
        services.Configure<BillingOptions>(config.GetSection("Billing"));
        services.AddOptions<FraudOptions>().BindConfiguration("Billing:Fraud");
    }
}
`, Want: `
field @.Billing:@Billing
field @.Billing:BillingOptions
field @Billing.Fraud:FraudOptions
field BillingOptions.Limits:LimitOptions weak
field BillingOptions.Plans:PlanOptions map weak
field BillingOptions.Retries: weak
field LimitOptions.PerMinute: weak
read config Billing @Billing IConfiguration
`},
		{Name: "serialised structures name their keys", Src: `public class BranchConfiguration {
    [JsonPropertyName("is-source-branch-for")]
    public string[] IsSourceBranchFor { get; set; }
    [YamlMember(Alias = "regex")] public string Regex { get; set; }
    public string Label { get; set; }
}
`, Want: `
field BranchConfiguration.Label:
field BranchConfiguration.is-source-branch-for:
field BranchConfiguration.regex:
`},
		{Name: "options and flags", Src: `class Cli {
    static void Build() {
        var dry = new Option<bool>("--dry-run", "Print only.");
        var n = new Option<int>(new[] { "--count", "-c" });
        if (await features.IsEnabledAsync("NewCheckout")) {}
        var on = ld.BoolVariation("beta-search", ctx, false);
    }
    [Option('v', "verbose")]
    public bool Verbose { get; set; }
    [FeatureGate("Reports")]
    public IActionResult Index() => View();
}
`, Want: `
field Cli.Verbose: weak
read feature NewCheckout @NewCheckout IsEnabledAsync
read feature Reports @Reports FeatureGate
read feature beta-search @beta-search BoolVariation
read flag count @--count Option
read flag dry-run @--dry-run Option
read flag verbose @verbose Option
`},
	})
}

func TestCsproj(t *testing.T) {
	progs, deps := csproj("src/Orders.Cli/Orders.Cli.csproj", []byte(`<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><ToolCommandName>orders</ToolCommandName></PropertyGroup>
  <ItemGroup><PackageReference Include="System.CommandLine" Version="2.0.0" /></ItemGroup>
</Project>`))
	if len(progs) != 1 || progs[0].Name != "orders" || len(deps) != 1 || deps[0].Name != "System.CommandLine" || deps[0].Site.Line != 3 {
		t.Errorf("csproj: %+v %+v", progs, deps)
	}
	progs, _ = csproj("Lib.csproj", []byte(`<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>`))
	if len(progs) != 0 {
		t.Errorf("a library is not a program: %+v", progs)
	}
}
