package java

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env and properties", Src: `class App {
    static final String TOKEN = "APP_TOKEN";
    void run(Environment env) {
        String a = System.getenv("APP_A");
        String t = System.getenv(TOKEN);
        String p = System.getProperty("app.mode", "live");
        boolean d = Boolean.getBoolean("app.debug");
        String e = dotenv.get("APP_E");
        String s = env.getProperty("billing.currency");
        String c = System.getenv("APP_" + suffix);
    }
}
`, Want: `
const TOKEN=APP_TOKEN
dynamic env APP_* @APP_
read config app.debug @app.debug getBoolean
read config app.mode @app.mode getProperty
read config billing.currency @billing.currency getProperty
read env APP_A @APP_A getenv
read env APP_E @APP_E get
read env APP_TOKEN @TOKEN getenv of constant TOKEN
`},
		{Name: "annotations", Src: `@SpringBootApplication
@Command(name = "billing-cli")
class Billing {
    @Value("${billing.fraud-check.enabled:true}")
    private boolean fraudCheck;
    @Value("${app.a}-${app.b:x} #{systemProperties['x']}")
    private String both;
    @ConfigProperty(name = "quarkus.timeout")
    Duration timeout;
    @Option(names = {"-v", "--verbose"}, description = "Talk more.")
    boolean verbose;
    @Parameter(names = "--dry-run")
    boolean dry;
    @Option(names = "-q")
    boolean quiet;
}
`, Want: `
derive env<-config  nest=_ drop-dashes
field Billing.both: weak
field Billing.dry: weak
field Billing.fraud-check: weak
field Billing.fraudCheck: weak
field Billing.quiet: weak
field Billing.timeout: weak
field Billing.verbose: weak
program billing-cli
read config app.a @app.a @Value
read config app.b @app.b @Value
read config billing.fraud-check.enabled @billing.fraud-check.enabled @Value
read config quarkus.timeout @quarkus.timeout ConfigProperty
read flag dry-run @--dry-run Parameter
read flag verbose @--verbose Option
`},
		{Name: "configuration properties", Src: `@ConfigurationProperties(prefix = "billing.fraud")
public class FraudProperties {
    private static final Logger LOG = null;
    private boolean checkEnabled;
    private Map<String, Limit> limits;
    private List<Rule> rules;
    public static class Limit { private int perMinute; }
}
`, Want: `
field @billing.fraud:FraudProperties
field @.billing:@billing
field FraudProperties.check-enabled: weak
field FraudProperties.checkEnabled: weak
field FraudProperties.limits:Limit map weak
field FraudProperties.rules:Rule weak
field Limit.per-minute: weak
field Limit.perMinute: weak
`},
		{Name: "feature flags and near misses", Src: `class Flags {
    boolean on() {
        // System.getenv("IN_COMMENT")
        log.info("APP_LOGGED");
        String v = map.get("APP_MAP");
        return ld.boolVariation("new-checkout", ctx, false) && ff4j.check("beta") && unleash.isEnabled("dark-mode");
    }
}
`, Want: `
read feature beta @beta check
read feature dark-mode @dark-mode isEnabled
read feature new-checkout @new-checkout boolVariation
`},
	})
}

func TestManifests(t *testing.T) {
	progs, deps := pom("pom.xml", []byte(`<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent>
<dependencies><dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId></dependency></dependencies></project>`))
	if len(progs) != 0 || len(deps) != 2 || deps[0].Name != "spring-boot-starter-parent" || deps[1].Name != "picocli" || deps[1].Site.Line != 2 {
		t.Errorf("pom: %v %v", progs, deps)
	}
	_, deps = gradle("build.gradle.kts", []byte("dependencies {\n    implementation(\"org.springframework.boot:spring-boot-starter-web\")\n    testImplementation 'junit:junit:4.13'\n}\n"))
	if len(deps) != 2 || deps[0].Name != "spring-boot-starter-web" || deps[1].Name != "junit" || deps[0].Site.Line != 2 {
		t.Errorf("gradle: %v", deps)
	}
	progs, _ = gradleSettings("settings.gradle", []byte("rootProject.name = 'billing'\n"))
	if len(progs) != 1 || progs[0].Name != "billing" {
		t.Errorf("settings: %v", progs)
	}
}
