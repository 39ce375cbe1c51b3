package javascript

import (
	"testing"

	"github.com/docverify/docverify/langs/javascript/jscases"
	"github.com/docverify/docverify/langs/langtest"
)

func TestCases(t *testing.T) { langtest.Run(t, Spec, jscases.Cases) }

func TestPackageJSON(t *testing.T) {
	one, _ := packageJSON("package.json", []byte(`{"name": "@acme/feedctl", "bin": "./cli.js"}`))
	if len(one) != 1 || one[0].Name != "feedctl" {
		t.Errorf("string bin: %+v", one)
	}
	many, _ := packageJSON("package.json", []byte("{\n  \"name\": \"x\",\n  \"bin\": {\"feed\": \"a.js\", \"feed-admin\": \"b.js\"}\n}"))
	if len(many) != 2 {
		t.Errorf("object bin: %+v", many)
	}
	none, deps := packageJSON("package.json", []byte(`{"name": "lib", "dependencies": {"chokidar": "^3"}, "devDependencies": {"@types/node": "*"}}`))
	if len(none) != 0 {
		t.Errorf("no bin: %+v", none)
	}
	if len(deps) != 2 || deps[0].Name != "@types/node" || deps[1].Name != "chokidar" {
		t.Errorf("dependencies = %+v", deps)
	}
}

func TestIsTest(t *testing.T) {
	for p, want := range map[string]bool{"src/a.test.ts": true, "__tests__/a.js": true, "test/a.js": true, "src/a.js": false, "src/testing.js": false} {
		if got := IsTest(p); got != want {
			t.Errorf("IsTest(%q) = %v", p, got)
		}
	}
}
