package ruby

import (
	"testing"

	"github.com/docverify/docverify/langs/langtest"
)

func TestReads(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "env", Src: `TOKEN = "APP_TOKEN"
a = ENV["APP_A"]
b = ENV.fetch("APP_B", "x")
c = ENV.fetch(TOKEN) { "y" }
d = ENV.key?("APP_D")
u = ENV["#{prefix}_USER"]
def setting(name)
  ENV["APP_#{name}"]
end
# ENV["IN_COMMENT"]
puts "APP_PRINTED"
h["APP_HASH"]
`, Want: `
const TOKEN=APP_TOKEN
dynamic env *_USER @"#{p"
dynamic env APP_* @APP_ in setting
read env APP_A @APP_A ENV
read env APP_B @APP_B fetch
read env APP_D @APP_D key?
read env APP_TOKEN @TOKEN fetch of constant TOKEN
wrapper env setting#0 APP_*
`},
		{Name: "options", Src: `OptionParser.new do |opts|
  opts.on("-v", "--[no-]verbose", "Run verbosely") { |v| options[:verbose] = v }
  opts.on("--level=LEVEL", Integer)
  opts.on("-q", "Quiet")
end
class CLI < Thor
  class_option :verbose, type: :boolean
  method_option :dry_run, type: :boolean, aliases: "-n"
  option :force
end
`, Want: `
read flag dry-run @dry_run Thor method_option negatable
read flag force @force Thor option
read flag level @level OptionParser#on
read flag verbose @verbose OptionParser#on negatable
read flag verbose @verbose Thor class_option negatable
`},
		{Name: "rails and flags", Src: `Rails.application.configure do
  config.x.payment.retries = 3
end
n = Rails.configuration.x.payment.timeout
other.x.y = 1
Flipper.enabled?(:new_checkout, user)
Flipper[:dark_mode].enabled?
client.variation("beta-search", ctx, false)
client.fetch_boolean_value(flag_key: "of-flag", default_value: false)
`, Want: `
read config config.x.payment.retries @config.x.payment.retries Rails config.x
read config config.x.payment.timeout @Rails.configuration.x.payment.timeout Rails config.x
read feature beta-search @beta-search variation
read feature dark_mode @dark_mode Flipper
read feature new_checkout @new_checkout enabled?
read feature of-flag @of-flag fetch_boolean_value
`},
	})
}

func TestKonfigSchemas(t *testing.T) {
	langtest.Run(t, Spec, []langtest.Case{
		{Name: "groups and attributes, and the environment source", Src: `ConfigSchema = Konfig::Schema.draw do
  group :postal do
    string :web_hostname do
      description "The hostname"
      default "postal.example.com"
    end
    boolean :use_ip_pools
  end
  group :dns do
    array :mx_records
  end
end
sources << Konfig::Sources::Environment.new(ENV)
Other.draw do
  group :not_a_schema
end
`, Want: `
derive env<-config  nest=_ scope=Konfig
field Konfig.dns:Konfig::dns
field Konfig.postal:Konfig::postal
field Konfig::dns.mx_records:
field Konfig::postal.use_ip_pools:
field Konfig::postal.web_hostname:
`},
	})
}

func TestManifests(t *testing.T) {
	progs, deps := gemspec("tool.gemspec", []byte(`Gem::Specification.new do |spec|
  spec.name = "tool"
  spec.executables = %w[tool tool-admin]
  spec.add_dependency "thor", "~> 1.2"
  spec.add_development_dependency "rspec"
end
`))
	if len(progs) != 2 || progs[0].Name != "tool" || progs[1].Name != "tool-admin" || progs[0].Site.Line != 3 {
		t.Errorf("programs: %+v", progs)
	}
	if len(deps) != 2 || deps[0].Name != "thor" || deps[1].Name != "rspec" {
		t.Errorf("deps: %+v", deps)
	}
	_, deps = gemfile("Gemfile", []byte("source \"https://rubygems.org\"\ngem 'rails', '~> 7.1'\ngem \"flipper\"\n"))
	if len(deps) != 2 || deps[0].Name != "rails" || deps[1].Name != "flipper" {
		t.Errorf("Gemfile deps: %+v", deps)
	}
}
