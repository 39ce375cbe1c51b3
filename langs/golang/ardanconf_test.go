package golang

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestArdanConf(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "conf.Parse names flags and env vars after the fields", Src: "package main\nimport \"github.com/ardanlabs/conf/v3\"\nconst envPrefix = \"HBOX\"\ntype Config struct {\n\tWeb WebConfig `yaml:\"web\"`\n\tNets []string `conf:\"env:NOTIFIER_DNS64_NETS,flag:notifier-nets\"`\n\tSecret string `conf:\"-\"`\n}\nfunc main() {\n\tvar cfg Config\n\tconf.Parse(envPrefix, &cfg)\n}\n", Want: `
const envPrefix=HBOX
derive env<-config HBOX_ nest=_ scope=Config field-names
derive flag<-config  nest=- scope=Config field-names
field Config.Nets: conf-env=NOTIFIER_DNS64_NETS conf-flag=notifier-nets
field Config.Secret: conf-skip
field Config.web:WebConfig ident=Web
program pkg
read flag notifier-nets @Nets ardanlabs/conf struct tag flag
root Config (loaded by conf.Parse)
`},
		{Name: "an empty prefix gives unprefixed env names", Src: "package main\nimport conf \"github.com/ardanlabs/conf\"\nfunc main() {\n\tvar cfg Config\n\tconf.Parse(\"\", &cfg)\n}\n", Want: `
derive env<-config  nest=_ scope=Config field-names
derive flag<-config  nest=- scope=Config field-names
program pkg
root Config (loaded by conf.Parse)
`},
		{Name: "another package's Parse names nothing", Src: "package main\nimport conf \"example.com/other/conf\"\nfunc main() {\n\tvar cfg Config\n\tconf.Parse(\"APP\", &cfg)\n\tflagset.Parse(\"APP\", &cfg)\n}\n", Want: `
program pkg
`},
	})
}
