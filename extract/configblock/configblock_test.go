package configblock

import (
	"fmt"
	"strings"
	"testing"
)

func leaves(t *testing.T, f Format, src string) map[string]int {
	t.Helper()
	n, err := Parse(f, src)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, l := range n.Leaves() {
		out[strings.Join(l.Path, ".")] = l.Offset
	}
	return out
}

// checkAt asserts that each key's offset points at its last segment.
func checkAt(t *testing.T, src string, got map[string]int, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got keys %v, want %v", got, want)
	}
	for _, k := range want {
		off, ok := got[k]
		if !ok {
			t.Errorf("missing key %s in %v", k, got)
			continue
		}
		last := k[strings.LastIndexByte(k, '.')+1:]
		if !strings.HasPrefix(src[off:], last) {
			t.Errorf("key %s: offset %d points at %q", k, off, src[off:min(len(src), off+10)])
		}
	}
}

func TestYAML(t *testing.T) {
	src := "retry:\n  max_attempts: 3   # é\n  \"backoff\": 2s\nservers:\n  - host: a\n    port: 1\nlist: [1, 2]\n"
	checkAt(t, src, leaves(t, YAML, src), "retry.max_attempts", "retry.backoff", "servers.host", "servers.port", "list")
}

func TestYAMLNonASCIIColumns(t *testing.T) {
	src := "a: {é: 1, b: 2}\n"
	checkAt(t, src, leaves(t, YAML, src), "a.é", "a.b")
}

func TestJSON(t *testing.T) {
	src := `{"server": {"port": 8080, "read_only": false}}`
	checkAt(t, src, leaves(t, JSON, src), "server.port", "server.read_only")
}

func TestTOML(t *testing.T) {
	src := "[server]\nport = 8080\ntls.cert = \"x\"\n\n[retry]\nmax_attempts = 3\nlimits = { rps = 10 }\n"
	checkAt(t, src, leaves(t, TOML, src), "server.port", "server.tls.cert", "retry.max_attempts", "retry.limits.rps")
}

func TestINIPropertiesEnv(t *testing.T) {
	ini := "; comment\n[server]\nport = 1\n[db.pool]\nsize: 3\n"
	checkAt(t, ini, leaves(t, INI, ini), "server.port", "db.pool.size")
	props := "# c\nserver.port=8080\nspring.datasource.url: x\n"
	checkAt(t, props, leaves(t, Properties, props), "server.port", "spring.datasource.url")
	env := "# c\nexport APP_TOKEN=abc\nLOG_LEVEL=debug\nnot a line\n"
	checkAt(t, env, leaves(t, Env, env), "APP_TOKEN", "LOG_LEVEL")
}

func TestBadInputIsAnError(t *testing.T) {
	if _, err := Parse(YAML, "a: [\n"); err == nil {
		t.Error("want an error for broken YAML")
	}
	if _, err := Parse(TOML, "[a\n"); err == nil {
		t.Error("want an error for broken TOML")
	}
}

func TestOptionalSettingNotation(t *testing.T) {
	// Prometheus-style reference pages bracket optional settings
	src := "global:\n  # The From header.\n  [ smtp_from: <tmpl_string> ]\n  resolve_timeout: <duration>\n\nroute: <route>\n[ tracing: <tracing_config> ]\n"
	checkAt(t, src, leaves(t, YAML, src), "global.smtp_from", "global.resolve_timeout", "route", "tracing")
	// a schema that is not YAML once unbracketed is read line by line
	src = "route:\n  receiver: <string>\n  [ group_by: '[' <labelname>, ... ']' ]\n  routes:\n    [ - <route> ... ]\nmatchers:\n  - name: <string>\n    [ value: <string> ]\n"
	checkAt(t, src, leaves(t, YAML, src), "route.receiver", "route.group_by", "route.routes", "matchers.name", "matchers.value")
	// a flow sequence is not the notation
	src = "tags: [ a, b ]\n"
	checkAt(t, src, leaves(t, YAML, src), "tags")
}

func TestElidedLines(t *testing.T) {
	// "[...]" and "..." stand for lines left out; the rest is read
	src := "services:\n  server:\n    image: x\n    [...]\n  agent:\n    ...\n    restart: always\n"
	checkAt(t, src, leaves(t, YAML, src), "services.server.image", "services.agent.restart")
}

// TestXML: elements and attributes are keys at their own offsets;
// namespaced names are XML's; a snippet cut short keeps what it read.
func TestXML(t *testing.T) {
	src := "<psalm errorLevel=\"3\" xsi:schemaLocation=\"x\">\n  <projectFiles>\n    <directory name=\"src\"/>\n  </projectFiles>\n  <cacheDirectory>/tmp</cacheDirectory>\n  <plugins>\n"
	root, err := Parse(XML, src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range root.Leaves() {
		got = append(got, fmt.Sprintf("%s@%s", strings.Join(l.Path, "."), src[l.Offset:l.Offset+4]))
	}
	want := "psalm.errorLevel@erro psalm.projectFiles.directory.name@name psalm.cacheDirectory@cach psalm.plugins@plug"
	if strings.Join(got, " ") != want {
		t.Errorf("leaves:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if n := root.Get("psalm").Get("cacheDirectory"); n == nil || n.Scalar != "/tmp" {
		t.Errorf("cacheDirectory's text not kept as its value: %+v", n)
	}
}

// HCL: attributes are keys, blocks sections; a block's labels and an
// object's keys are the user's names (quoted, so claims skip them), and a
// Terraform file is Terraform's.
func TestHCL(t *testing.T) {
	src := "telemetry {\n  publish_allocation_metrics = true\n  collection_interval = \"1s\"\n}\ndatacenter = \"dc1\"\nclient {\n  meta = { rack = \"r1\" }\n}\njob \"web\" {\n  datacenters = [\"dc1\"]\n}\n"
	got := leaves(t, HCL, src)
	for _, user := range []string{`client.meta."rack"`, `job."web".datacenters`} {
		if _, ok := got[user]; !ok {
			t.Errorf("no key %s in %v", user, got)
		}
		delete(got, user)
	}
	checkAt(t, src, got, "telemetry.publish_allocation_metrics", "telemetry.collection_interval", "datacenter")
	if _, err := Parse(HCL, "resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\n"); err != ErrTerraform {
		t.Errorf("a Terraform snippet: %v, want ErrTerraform", err)
	}
	if _, err := Parse(HCL, "telemetry {\n"); err == nil {
		t.Error("an unclosed block is no HCL")
	}
}

// JSON with comments, trailing commas or tab indentation (JSONC, JSON5,
// a VS Code settings file) is read, every offset in place.
func TestJSONWithCommentsAndTabs(t *testing.T) {
	src := "{\n\t// the port\n\t\"server\": {\"port\": 8080, /* inline */ \"read_only\": false,},\n\t\"url\": \"http://x//y\",\n}\n"
	checkAt(t, src, leaves(t, JSON, src), "server.port", "server.read_only", "url")
}
