package extract

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/docverify/docverify/extract/configblock"
	"github.com/docverify/docverify/extract/names"
	"github.com/docverify/docverify/verify"
	"github.com/docverify/docverify/verify/known"
)

// apiContextRE finds wording that presents a snippet as data exchanged
// with an API, not as the project's configuration.
var apiContextRE = regexp.MustCompile(`(?i)\b(requests?|responses?|returns?|payloads?|body|output|outputs|endpoints?|results?|events?|messages?|webhooks?|schema)\b`)

// configFileRE finds a config file name: one with a config word in it
// (config.yaml, settings.json), or a config-only ending (backfill.ini,
// app.conf, .env). A data file (db.json) is neither.
var configFileRE = regexp.MustCompile(`(?i)[\w./-]*(config|settings|conf|application|values|app)[\w.-]*\.(ya?ml|toml|json|ini|cfg|conf|properties|env)\b|[\w-]\.(ini|cfg|conf|toml|properties)\b|\.env\b`)

// commentRE finds a comment of a config snippet: "# same as -s ;
// SYFT_SCOPE env var" above the key it documents.
var commentRE = regexp.MustCompile(`(?m)(?:^|\s)#\s*(.+)$`)

// snippetComments reads the comments of a config snippet as prose: they
// name the variable and flag each key also answers to ("# SYFT_SCOPE env
// var / --scope flag"), in the wording prose uses.
func (e *extractor) snippetComments(s snippet, f configblock.Format) {
	if f == configblock.JSON || f == configblock.XML {
		return // no # comments
	}
	for _, m := range commentRE.FindAllStringSubmatchIndex(s.text, -1) {
		start, end := s.toDoc(m[2]), s.toDoc(m[3])
		if end <= start || end > len(e.src) {
			continue // a comment that crosses a line the snippet joins
		}
		e.prose(newBlock(e.src, start, end))
	}
}

// commentedKeyRE finds a YAML line that is a key commented out:
// "    # insecureSkipSignatureValidation: true". The key must read as an
// identifier (an underscore or an inner capital), not a word of prose
// ("# Note: ...", "# default: 10").
var commentedKeyRE = regexp.MustCompile(`(?m)^([ \t]*)#[ \t]?([a-z][a-z0-9]*(?:[_A-Z][A-Za-z0-9]*)+):(?:[ \t]|$)`)

// keyLineRE finds a real key line and its indentation.
var keyLineRE = regexp.MustCompile(`(?m)^([ \t]*)(?:- )?[A-Za-z_][\w.-]*:(?:[ \t]|$)`)

// uncommentKeys turns commented-out keys into keys when a real key of
// the snippet sits at the same indentation: the comment is an option shown
// disabled, not prose. Each such line loses its "# " and is padded at its
// end, so the other lines keep their offsets; moved gives, for each
// changed line, where its key now starts and how far it moved.
func uncommentKeys(text string) (string, []moved) {
	indents := map[string]bool{}
	for _, m := range keyLineRE.FindAllStringSubmatch(text, -1) {
		indents[m[1]] = true
	}
	out := []byte(text)
	var moves []moved
	for _, m := range commentedKeyRE.FindAllStringSubmatchIndex(text, -1) {
		if !indents[text[m[2]:m[3]]] {
			continue
		}
		hash, key := m[3], m[4]
		end := strings.IndexByte(text[hash:], '\n')
		if end < 0 {
			end = len(text) - hash
		}
		end += hash
		shift := key - hash
		copy(out[hash:end-shift], text[key:end])
		for i := end - shift; i < end; i++ {
			out[i] = ' '
		}
		moves = append(moves, moved{start: hash, end: end - shift, by: shift})
	}
	return string(out), moves
}

// moved is one uncommented line: offsets in [start, end) were by bytes
// further right in the snippet as written.
type moved struct{ start, end, by int }

// restore puts the offsets of a tree parsed from uncommented text back
// where the snippet has them.
func restore(n *configblock.Node, moves []moved) {
	fix := func(off int) int {
		for _, m := range moves {
			if off >= m.start && off < m.end {
				return off + m.by
			}
		}
		return off
	}
	if n.Offset >= 0 {
		n.Offset = fix(n.Offset)
	}
	if n.ScalarOffset >= 0 {
		n.ScalarOffset = fix(n.ScalarOffset)
	}
	for _, k := range n.Kids {
		restore(k, moves)
	}
	for _, it := range n.Items {
		restore(it, moves)
	}
}

// namedFileRE finds a YAML, TOML or INI file named by a snippet's first
// comment ("# lefthook-local.yml", "# grumphp.yml"): the snippet is that
// file, and such a file is configuration. JSON is left out: a JSON file so
// named is as often data.
var namedFileRE = regexp.MustCompile(`(?i)^\s*(#|//)\s*[\w./~-]+\.(ya?ml|toml|ini|cfg|conf)\s*$`)

func (e *extractor) configBlock(s snippet, f configblock.Format, info string) {
	e.snippetComments(s, f)
	root, err := configblock.Parse(f, s.text)
	if f == configblock.YAML && err == nil {
		// "# catData: ..." beside real keys is an option shown commented
		// out: its key is documented as much as the others
		if alt, moves := uncommentKeys(s.text); len(moves) > 0 {
			if r, aerr := configblock.Parse(f, alt); aerr == nil {
				restore(r, moves)
				root = r
			}
		}
	}
	if errors.Is(err, configblock.ErrTerraform) {
		return // Terraform's own configuration: no key of this project's
	}
	var loose *configblock.LooseError
	if errors.As(err, &loose) && root != nil && len(root.Kids) > 0 {
		e.problems = append(e.problems, Problem{
			Pos:     e.pos(s.toDoc(0)),
			Message: fmt.Sprintf("could not read this %s snippet, so its keys were read line by line: %v", formatName(f), firstLine(err.Error())),
		})
		err = nil
	}
	if err != nil {
		e.problems = append(e.problems, Problem{
			Pos:     e.pos(s.toDoc(0)),
			Message: fmt.Sprintf("could not read this %s snippet, so its keys were not checked: %v", formatName(f), firstLine(err.Error())),
		})
		return
	}
	if f == configblock.Env {
		for _, k := range root.Kids {
			e.envClaim(k.Key, s.toDoc(k.Offset), "", e.blockJudgement(s, k.Offset, k.Key), verify.EnvBlock)
		}
		return
	}
	switch {
	case root.Get("services") != nil && (root.Get("version") != nil || anyKid(root.Get("services"), "image", "build", "environment")):
		e.composeEnv(s, root.Get("services"))
		return
	case root.Get("apiVersion") != nil && root.Get("kind") != nil, hasContainerEnv(root, 0):
		// a manifest, or a fragment of one (a Helm chart's values with
		// env: [{name, valueFrom}]): its env lists are the container's
		e.kubernetesEnv(s, root)
		return
	case root.Get("jobs") != nil && (root.Get("on") != nil || root.Get("true") != nil || root.Get("name") != nil):
		e.workflowEnv(s, root)
		return
	case isManifest(root):
		return
	case f == configblock.XML && xmlOfOtherTool(root):
		return
	}
	if !e.isOwnConfig(s, info) {
		return
	}
	owner := e.configTool(s, info)
	if owner == "" {
		owner = schemaOwner(root)
	}
	leaves := root.Leaves()
	if owner == "" {
		var keys []string
		for _, leaf := range leaves {
			keys = append(keys, leaf.Path...)
		}
		owner = known.SnippetOwner(keys)
	}
	for _, leaf := range leaves {
		name := strings.Join(leaf.Path, ".")
		if leaf.Offset < 0 || names.IsPlaceholder(name) || hasMapKey(leaf.Path) {
			continue
		}
		j := e.blockJudgement(s, leaf.Offset, name)
		e.add(verify.Claim{Kind: verify.Config, Name: name, Text: name, Source: verify.ConfigBlock, Explicit: true,
			Safety: j.safety, Historical: j.historical, Owner: owner, Context: j.context}, s.toDoc(leaf.Offset))
	}
}

// hasMapKey reports a path through a key that names something rather
// than a setting: a package (acme/package), a path, a namespace
// (Vendor\Package). The key above it is a map the code reads whole, so
// what lies under it is the user's data, not a claim.
//
// The entries of a collection the user names (scripts, tasks, jobs,
// aliases, services) are such keys too: "run-commands" under scripts is
// the user's script, whatever the schema lists.
//
// A key no setting is spelt like — a TOML quoted key with spaces, brackets
// or an equals sign (target.'cfg(target_os = "none")'.runner) — is the
// user's too.
func hasMapKey(path []string) bool {
	for i, seg := range path {
		if strings.ContainsAny(seg, `/\ ()="'`) || i > 0 && userNamed[path[i-1]] {
			return true
		}
	}
	return false
}

// userNamed are the collections whose entries the user names: scripts,
// tasks, aliases, environment variables, dependencies and their patches
// (cargo's [patch.crates-io] serde2, npm's overrides).
var userNamed = map[string]bool{"scripts": true, "tasks": true, "jobs": true, "aliases": true, "alias": true, "services": true,
	"env": true, "dependencies": true, "dev-dependencies": true, "build-dependencies": true, "devDependencies": true,
	"peerDependencies": true, "optionalDependencies": true, "overrides": true, "resolutions": true, "patch": true, "replace": true}

// configTool finds the tool a config snippet belongs to when its title,
// first comment or the sentence before it names one ("A simple supervisor
// configuration:"). verify decides whether that tool is this repository's.
func (e *extractor) configTool(s snippet, info string) string {
	_, first := s.lineOf(0)
	lead := ""
	if e.lastPara.raw != "" {
		ss, se := e.lastPara.sentence(len(e.lastPara.masked) - 1)
		lead = e.lastPara.raw[ss:se]
	}
	for i, text := range []string{info, first, lead} {
		if i == 2 {
			// "Use the following [VS Code compound configuration](https://code.visualstudio.com/…)
			// for launching Vitest": a paragraph that sends the reader to
			// another project's reference docs introduces that project's
			// config, whatever else it names (the whole paragraph: a URL's
			// dots would end a sentence)
			for _, m := range leadLinkRE.FindAllStringSubmatch(e.lastPara.raw, -1) {
				if owner, repo := destinationOwner(m[1]); owner != "" && !repo {
					return owner
				}
			}
			if owner := linkedConfigOwner(e.lastPara.raw); owner != "" {
				return owner
			}
		}
		if tool := known.ConfigFileOwnerIn(text); tool != "" {
			return tool
		}
		if tool := known.ConfigToolIn(text); tool != "" {
			return tool
		}
	}
	// "## Fail2ban / ### Jail Configuration" above an INI snippet: a
	// heading naming a daemon, whose config no program embeds
	return known.DaemonIn(e.headingText())
}

// leadLinkRE finds the destinations of inline links in a sentence.
var leadLinkRE = regexp.MustCompile(`\]\((https?://[^)\s]+)\)`)

// configLinkRE finds a link whose text calls its destination a config
// file or configuration: "add this to your [ngrok config file](https://ngrok.com/docs/agent/config/)".
var configLinkRE = regexp.MustCompile(`(?i)\[([^\]]*\bconfig(?:uration)?\b[^\]]*)\]\((https?://[^)\s]+)\)`)

// linkedConfigOwner is the program whose config a paragraph's link
// points to: a word of the link's text that the destination's site is
// named after (ngrok on ngrok.com, Caddy on caddyserver.com). The site
// speaks for the word; a link to a site of no word of its text says
// nothing.
func linkedConfigOwner(para string) string {
	for _, m := range configLinkRE.FindAllStringSubmatch(para, -1) {
		u, err := url.Parse(m[2])
		if err != nil {
			continue
		}
		labels := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
		if len(labels) < 2 {
			continue
		}
		site := labels[len(labels)-2] // ngrok in ngrok.com, docs.ngrok.com
		for _, w := range strings.FieldsFunc(strings.ToLower(m[1]), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
			if len(w) >= 3 && w != "config" && w != "configuration" && w != "file" && w != "your" && w != "the" && strings.HasPrefix(site, w) {
				return w
			}
		}
	}
	return ""
}

// schemaRE takes the tool from a $schema reference: a package's schema
// under node_modules, or a schemastore.org schema.
var schemaRE = regexp.MustCompile(`node_modules/((@[\w.-]+/)?[\w.-]+)/|schemastore\.org/(?:schemas/json/)?([\w.-]+?)(?:\.json)?$`)

// schemaOwner is the tool whose JSON schema a snippet declares:
// "$schema": "./node_modules/oxlint/configuration_schema.json".
func schemaOwner(root *configblock.Node) string {
	n := root.Get("$schema")
	if n == nil {
		return ""
	}
	m := schemaRE.FindStringSubmatch(n.Scalar)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return m[1]
	}
	return m[3]
}

func formatName(f configblock.Format) string {
	return [...]string{"config", "YAML", "TOML", "JSON", "INI", "properties", ".env", "XML", "HCL"}[f]
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// isOwnConfig decides whether a snippet shows the project's own config
// file: its info string or first comment names a config file, or the text
// before it or its section heading speaks of configuration — and not of
// an API's requests or responses.
func (e *extractor) isOwnConfig(s snippet, info string) bool {
	_, first := s.lineOf(0)
	comment := strings.HasPrefix(strings.TrimSpace(first), "#") || strings.HasPrefix(strings.TrimSpace(first), "//")
	if configFileRE.MatchString(info) || comment && (configFileRE.MatchString(first) || namedFileRE.MatchString(first)) {
		return true
	}
	lead := e.lastPara.raw
	switch {
	case configFileRE.MatchString(lead):
		return true // a config file named outright outranks other words
	case apiContextRE.MatchString(lead):
		return false
	}
	return has(configCue, lead) || has(configCue, e.headingText())
}

func anyKid(n *configblock.Node, keys ...string) bool {
	if n == nil {
		return false
	}
	for _, svc := range n.Kids {
		for _, k := range keys {
			if svc.Get(k) != nil {
				return true
			}
		}
	}
	return false
}

// isManifest recognises package manifests and tool configs that docs
// quote (package.json, tsconfig, Cargo.toml, pyproject.toml, OpenAPI):
// their keys belong to other tools.
func isManifest(root *configblock.Node) bool {
	has := func(k string) bool { return root.Get(k) != nil }
	switch {
	case has("dependencies") || has("devDependencies") || has("peerDependencies") || has("scripts") && has("name"):
		return true
	case has("compilerOptions") || has("openapi") || has("swagger") || has("paths") && has("info"):
		return true
	case has("package") || has("workspace") || has("build-system") || has("project") || has("tool") || has("dev-dependencies"):
		return true
	case has("repos") && (has("hooks") || len(root.Get("repos").Items) > 0 && root.Get("repos").Items[0].Get("repo") != nil):
		return true // .pre-commit-config.yaml
	case has("extends") && has("rules"):
		return true
	}
	return false
}

// xmlOfOtherTool recognises the XML files of build tools and frameworks
// that docs quote beside their own config: a Maven POM or settings
// fragment (groupId, artifactId), an Ant or MSBuild project, an Android
// manifest, a Spring context, a logging config, a servlet descriptor,
// NuGet's package lists. Their elements are those tools' schema.
func xmlOfOtherTool(root *configblock.Node) bool {
	if deepKey(root, 0, "groupId", "artifactId", "modelVersion", "PackageReference", "PropertyGroup", "ItemGroup", "appender", "Appenders", "servlet", "bean") {
		return true
	}
	for _, k := range root.Kids {
		switch k.Key {
		case "project", "Project", "manifest", "beans", "web-app", "packages", "settings", "configuration", "Configuration", "module":
			return true
		case "plugin", "plugins", "executions", "execution", "build", "dependencies", "dependency", "profiles", "profile",
			"repositories", "pluginManagement", "dependencyManagement", "properties", "reporting":
			return true // a POM fragment cut below <project>
		}
	}
	return false
}

// deepKey reports whether a key of one of the names sits anywhere in the
// tree below n.
func deepKey(n *configblock.Node, depth int, keys ...string) bool {
	if n == nil || depth > 64 {
		return false
	}
	for _, k := range n.Kids {
		for _, want := range keys {
			if k.Key == want {
				return true
			}
		}
		if deepKey(k, depth+1, keys...) {
			return true
		}
	}
	return false
}

// composeEnv reads the environment of docker-compose services. A
// service run from an image (grafana: image: grafana/grafana) gives its
// variables to that image's program, as `docker run -e` does; whose it
// is, verify decides.
func (e *extractor) composeEnv(s snippet, services *configblock.Node) {
	for _, svc := range services.Kids {
		n := len(e.claims)
		e.envEntries(s, svc.Get("environment"))
		if img := svc.Get("image"); img != nil && img.Scalar != "" && !strings.Contains(img.Scalar, "$") {
			for k := n; k < len(e.claims); k++ {
				e.claims[k].Command, e.claims[k].Image = imageProgram(img.Scalar), img.Scalar
			}
		}
	}
}

// envEntries reads an environment: a mapping (NAME: value) or a list
// (- NAME=value).
func (e *extractor) envEntries(s snippet, env *configblock.Node) {
	if env == nil {
		return
	}
	for _, k := range env.Kids {
		e.envClaim(k.Key, s.toDoc(k.Offset), "", e.blockJudgement(s, k.Offset, k.Key), verify.ConfigBlock)
	}
	for _, it := range env.Items {
		if it.ScalarOffset < 0 {
			continue
		}
		name := it.Scalar
		if i := strings.IndexByte(name, '='); i >= 0 {
			name = name[:i]
		}
		e.envClaim(name, s.toDoc(it.ScalarOffset), "", e.blockJudgement(s, it.ScalarOffset, name), verify.ConfigBlock)
	}
}

// kubernetesEnv reads env: [{name: X, value: ...}] lists anywhere in a
// Kubernetes manifest.
func (e *extractor) kubernetesEnv(s snippet, root *configblock.Node) {
	var walk func(n *configblock.Node, depth int)
	walk = func(n *configblock.Node, depth int) {
		if depth > 32 {
			return
		}
		for _, k := range n.Kids {
			if k.Key == "env" {
				for _, it := range k.Items {
					if nm := it.Get("name"); nm != nil && nm.ScalarOffset >= 0 {
						e.envClaim(nm.Scalar, s.toDoc(nm.ScalarOffset), "", e.blockJudgement(s, nm.ScalarOffset, nm.Scalar), verify.ConfigBlock)
					}
				}
			}
			walk(k, depth+1)
			for _, it := range k.Items {
				walk(it, depth+1)
			}
		}
	}
	walk(root, 0)
}

// hasContainerEnv reports an env list shaped as a container's anywhere
// in a snippet: items with a name and a value or valueFrom.
func hasContainerEnv(n *configblock.Node, depth int) bool {
	if depth > 32 {
		return false
	}
	for _, k := range n.Kids {
		if k.Key == "env" {
			for _, it := range k.Items {
				if it.Get("name") != nil && (it.Get("value") != nil || it.Get("valueFrom") != nil) {
					return true
				}
			}
		}
		if hasContainerEnv(k, depth+1) {
			return true
		}
		for _, it := range k.Items {
			if hasContainerEnv(it, depth+1) {
				return true
			}
		}
	}
	return false
}

// workflowEnv reads env: mappings of a CI workflow (GitHub Actions).
func (e *extractor) workflowEnv(s snippet, root *configblock.Node) {
	var walk func(n *configblock.Node, depth int)
	walk = func(n *configblock.Node, depth int) {
		if depth > 32 {
			return
		}
		for _, k := range n.Kids {
			if k.Key == "env" {
				e.envEntries(s, k)
				continue
			}
			walk(k, depth+1)
			for _, it := range k.Items {
				walk(it, depth+1)
			}
		}
	}
	walk(root, 0)
}
