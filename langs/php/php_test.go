package php

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env and config", Src: `<?php
const TOKEN = 'APP_TOKEN';
$a = getenv('APP_A');
$b = $_ENV['APP_B'] ?? 'x';
$c = $_SERVER["APP_C"];
$d = env('APP_DEBUG', false);
$t = getenv(TOKEN);
$e = config('billing.retries');
$f = Config::get('billing.timeout');
$u = getenv("{$prefix}_USER");
$p = ['url' => '%env(resolve:DATABASE_URL)%'];
// getenv('IN_COMMENT')
echo 'APP_ECHOED';
$h['APP_HASH'] = 1;
`, Want: `
const TOKEN=APP_TOKEN
dynamic env *_USER @"{$p"
read config billing.retries @billing.retries config
read config billing.timeout @billing.timeout get
read env APP_A @APP_A getenv
read env APP_B @APP_B _ENV
read env APP_C @APP_C _SERVER
read env APP_DEBUG @APP_DEBUG env
read env APP_TOKEN @TOKEN getenv of constant TOKEN
read env DATABASE_URL @DATABASE_URL %env()% parameter
`},
		{Name: "commands and flags", Src: `<?php
class SendMail extends Command {
    protected $signature = 'mail:send {user} {--queue=} {--F|force}';
    protected function configure(): void {
        $this->addOption('dry-run', null, InputOption::VALUE_NONE, 'Print only.');
        $this->setDefinition([new InputOption('match-constraint', 'm', InputOption::VALUE_REQUIRED, 'Filter.')]);
    }
    public function handle() {
        if (Feature::active('new-api')) {}
        return $this->client->variation('beta-search', $ctx, false);
    }
}
`, Want: `
read feature beta-search @beta-search variation
read feature new-api @new-api active
read flag dry-run @dry-run addOption
read flag force @force Artisan signature
read flag match-constraint @match-constraint InputOption
read flag queue @queue Artisan signature
`},
	})
}

func TestComposer(t *testing.T) {
	progs, deps := composer("composer.json", []byte(`{"name": "acme/tool", "bin": ["bin/acme"], "require": {"laravel/framework": "^11.0", "php": ">=8.2"}}`))
	if len(progs) != 1 || progs[0].Name != "acme" || len(deps) != 2 || deps[0].Name != "laravel/framework" {
		t.Errorf("composer: %+v %+v", progs, deps)
	}
}
