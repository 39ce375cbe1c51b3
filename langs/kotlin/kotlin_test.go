package kotlin

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env and properties", Src: `const val TOKEN = "APP_TOKEN"
fun main() {
    val a = System.getenv("APP_A")
    val b = System.getenv()["APP_B"]
    val t = System.getenv(TOKEN)
    val p = System.getProperty("app.mode")
    val u = System.getenv("${prefix}_USER")
    // System.getenv("IN_COMMENT")
    println("APP_PRINTED")
}
`, Want: `
const TOKEN=APP_TOKEN
dynamic env *_USER @"${p"
read config app.mode @app.mode getProperty
read env APP_A @APP_A getenv
read env APP_B @APP_B getenv
read env APP_TOKEN @TOKEN getenv of constant TOKEN
`},
		{Name: "clikt", Src: `class Cli : CliktCommand(name = "shipit") {
    val dryRun by option("--dry-run", "-n", envvar = "SHIP_DRY_RUN").flag("--no-dry-run")
    val region: String by option(help = "Region").default("eu")
    val target by argument()
}
`, Want: `
field Cli.dry-run: weak
field Cli.dryRun: weak
field Cli.region: weak
field Cli.target: weak
read env SHIP_DRY_RUN @SHIP_DRY_RUN option
read flag dry-run @--dry-run option
read flag no-dry-run @--no-dry-run flag
read flag region @region option() property
`},
		{Name: "spring", Src: `@SpringBootApplication
class App

@ConfigurationProperties(prefix = "billing")
data class BillingProperties(val fraudCheck: Boolean = true, val limits: Map<String, Limit> = emptyMap(), other: Int = 0)

data class Limit(val perMinute: Int)

@Component
class Charges(@Value("\${billing.currency:EUR}") private val currency: String)

@Command(name = "billing-admin")
class Admin {
    @Option(names = ["-v", "--verbose"])
    var verbose = false
}
`, Want: `
derive env<-config  nest=_ drop-dashes
field @.billing:BillingProperties
field Admin.verbose: weak
field BillingProperties.fraud-check: weak
field BillingProperties.fraudCheck: weak
field BillingProperties.limits:Limit map weak
field Charges.currency: weak
field Limit.per-minute: weak
field Limit.perMinute: weak
program billing-admin
read config billing.currency @billing.currency @Value
read flag verbose @--verbose Option
`},
		{Name: "feature flags", Src: `fun on(): Boolean = ld.boolVariation("new-checkout", ctx, false) || unleash.isEnabled("dark-mode")
`, Want: `
read feature dark-mode @dark-mode isEnabled
read feature new-checkout @new-checkout boolVariation
`},
	})
}
