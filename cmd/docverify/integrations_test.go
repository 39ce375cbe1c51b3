package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The README's CI snippets, pasted into a fresh repository, must work:
// these tests run the commands they hold, the way each CI system would,
// on a repository whose pull request documents a kill switch that does
// not exist.

// repoRoot is the root of this repository, from cmd/docverify.
const repoRoot = "../.."

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds docverify and runs CI snippets")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s", tool)
		}
	}
}

// buildDocverify builds the command into a fresh directory, with extra go
// build arguments, and returns the binary's path.
func buildDocverify(t *testing.T, args ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "docverify")
	cmd := exec.Command("go", append(append([]string{"build", "-o", bin}, args...), ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// snippets returns the README's fenced YAML blocks, by the file name
// their first line gives ("# .gitlab-ci.yml").
func snippets(t *testing.T) map[string]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile("(?s)```yaml\n# ([^\n]+)\n(.*?)```").FindAllStringSubmatch(string(src), -1) {
		out[m[1]] = m[2]
	}
	return out
}

// freshRepo makes a git repository with a main branch that is clean but
// for one old, unrelated drift, and a pull-request branch that documents
// a missing kill switch. It returns its path and the base commit.
func freshRepo(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	write("go.mod", "module example.com/feed\n")
	write("main.go", "package main\n\nimport \"os\"\n\nfunc main() { _ = os.Getenv(\"FEED_MODE\") }\n")
	write("docs/runbook.md", "# Runbook\n\nSet the `FEED_MODE` environment variable.\n\nThe `FEED_OLDNAME` environment variable is an old drift.\n")
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	base := git("rev-parse", "HEAD")
	git("checkout", "-q", "-b", "pr")
	write("docs/runbook.md", "# Runbook\n\nSet the `FEED_MODE` environment variable.\n\nIn an emergency, set the `FEED_KILL_SWITCH` environment variable.\n\nThe `FEED_OLDNAME` environment variable is an old drift.\n")
	git("commit", "-q", "-am", "document the kill switch")
	return dir, base
}

// runShell runs one CI script line with bash in dir.
func runShell(t *testing.T, dir, line string, env []string) (string, int) {
	t.Helper()
	cmd := exec.Command("bash", "-e", "-c", line)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return out.String(), 0
}

func TestREADMEGitLabCI(t *testing.T) {
	needTools(t, "git", "bash", "go")
	snippet, ok := snippets(t)[".gitlab-ci.yml"]
	if !ok {
		t.Fatal("README has no .gitlab-ci.yml snippet")
	}
	var jobs map[string]struct {
		Script    []string
		Artifacts struct {
			Reports struct{ JUnit string }
		}
	}
	if err := yaml.Unmarshal([]byte(snippet), &jobs); err != nil {
		t.Fatal(err)
	}
	job, ok := jobs["docverify"]
	if !ok || len(job.Script) == 0 {
		t.Fatalf("no docverify job with a script in %q", snippet)
	}
	repo, _ := freshRepo(t)
	gobin := t.TempDir()
	env := []string{"PATH=" + gobin + string(os.PathListSeparator) + os.Getenv("PATH"), "XDG_CACHE_HOME=" + t.TempDir()}
	var last int
	var out string
	for _, line := range job.Script {
		// The install line fetches the released module; here the same
		// command is built from this checkout into the same place.
		if strings.HasPrefix(line, "go install github.com/docverify/docverify/cmd/docverify@") {
			bin := buildDocverify(t)
			if err := os.Rename(bin, filepath.Join(gobin, "docverify")); err != nil {
				t.Fatal(err)
			}
			continue
		}
		out, last = runShell(t, repo, line, env)
	}
	if last != 1 {
		t.Errorf("the job exited %d, want 1 for the missing kill switch:\n%s", last, out)
	}
	report, err := os.ReadFile(filepath.Join(repo, job.Artifacts.Reports.JUnit))
	if err != nil {
		t.Fatalf("the JUnit report the job uploads: %v", err)
	}
	var suites struct {
		Failures int `xml:"failures,attr"`
	}
	if err := xml.Unmarshal(report, &suites); err != nil || suites.Failures == 0 {
		t.Errorf("JUnit report: failures=%d err=%v\n%s", suites.Failures, err, report)
	}
	if !bytes.Contains(report, []byte("FEED_KILL_SWITCH")) {
		t.Errorf("the report does not name the missing kill switch:\n%s", report)
	}
}

// TestREADMEGitHubAction runs the README's workflow the way the Actions
// runner would: the docverify step's inputs are resolved against
// action.yml, and the action's shell steps run in the workspace. Steps
// that use other actions (setup-go, upload-sarif) are the runner's.
func TestREADMEGitHubAction(t *testing.T) {
	needTools(t, "git", "bash", "go")
	snippet, ok := snippets(t)[".github/workflows/docs.yml"]
	if !ok {
		t.Fatal("README has no .github/workflows/docs.yml snippet")
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string
				With map[string]string
			}
		}
	}
	if err := yaml.Unmarshal([]byte(snippet), &wf); err != nil {
		t.Fatal(err)
	}
	var with map[string]string
	found := false
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "docverify/docverify@") {
				with, found = s.With, true
			}
		}
	}
	if !found {
		t.Fatal("the workflow has no docverify/docverify step")
	}
	actionSrc, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct{ Default string }
		Runs   struct {
			Using string
			Steps []struct {
				Name, Run, Uses, If, Shell string
				Env                        map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(actionSrc, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("action.yml runs %q, want composite", action.Runs.Using)
	}
	repo, base := freshRepo(t)
	actionPath, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	ctx := map[string]string{
		"github.action_path":                 actionPath,
		"github.event.pull_request.base.sha": base,
	}
	for name := range with {
		if _, ok := action.Inputs[name]; !ok {
			t.Errorf("the workflow passes %q, which action.yml does not take", name)
		}
	}
	for name, in := range action.Inputs {
		v, ok := with[name]
		if !ok {
			v = in.Default
		}
		ctx["inputs."+name] = expand(t, v, ctx)
	}
	// docverify's cache goes to a fresh directory; Go's build cache stays
	// where it is, so the action's build reuses it.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// the job summary input is on here, to see the inventory written
	summary := filepath.Join(t.TempDir(), "summary.md")
	ctx["inputs.summary"] = "true"
	// RUNNER_TEMP outlives the runs, as the action's caches restore it
	runnerTemp := t.TempDir()
	var out, logs, outputs string
	code := -1
	runAction := func() {
		outputsFile := filepath.Join(t.TempDir(), "github_output")
		env := []string{"RUNNER_TEMP=" + runnerTemp, "XDG_CACHE_HOME=" + t.TempDir(), "GOCACHE=" + strings.TrimSpace(string(gocache)),
			"GITHUB_WORKSPACE=" + repo, "GITHUB_STEP_SUMMARY=" + summary, "GITHUB_OUTPUT=" + outputsFile}
		logs = ""
		for _, s := range action.Runs.Steps {
			if s.Run == "" {
				continue
			}
			if strings.Contains(s.If, "inputs.summary == 'true'") && ctx["inputs.summary"] != "true" {
				continue
			}
			if s.Shell != "bash" {
				t.Errorf("step %q runs in %q; the action's steps use bash", s.Name, s.Shell)
			}
			stepEnv := append([]string(nil), env...)
			for k, v := range s.Env {
				stepEnv = append(stepEnv, k+"="+expand(t, v, ctx))
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q interpolates an expression into its script; pass it through env", s.Name)
			}
			stepOut, stepCode := runShell(t, repo, s.Run, stepEnv)
			logs += stepOut
			if stepCode != 0 && !strings.HasPrefix(s.Name, "Run ") {
				t.Fatalf("step %q failed (%d):\n%s", s.Name, stepCode, stepOut)
			}
			if strings.HasPrefix(s.Name, "Run ") {
				out, code = stepOut, stepCode
			}
		}
		b, _ := os.ReadFile(outputsFile)
		outputs = string(b)
	}
	runAction()
	if !strings.Contains(outputs, "errors=1\n") || !regexp.MustCompile(`(?m)^findings=[1-9]`).MatchString(outputs) {
		t.Errorf("the action's outputs: %q, want errors=1 and a count of findings", outputs)
	}
	// A second run, its caches restored: no build, and no file parsed.
	runAction()
	if !strings.Contains(logs, "docverify: using the cached build") {
		t.Errorf("the second run built docverify again:\n%s", logs)
	}
	var second struct {
		Stats struct{ Parsed, Cached int }
	}
	if b, err := os.ReadFile(filepath.Join(runnerTemp, "docverify.json")); err != nil || json.Unmarshal(b, &second) != nil || second.Stats.Parsed != 0 || second.Stats.Cached == 0 {
		t.Errorf("the second run's parse cache: %+v (%v), want 0 parsed", second.Stats, err)
	}
	if got, err := os.ReadFile(summary); err != nil || !strings.Contains(string(got), "# Documented mechanisms: inventory") || !strings.Contains(string(got), "FEED_") {
		t.Errorf("the job summary has no inventory (%v):\n%s", err, got)
	}
	if code != 1 {
		t.Errorf("the docverify step exited %d, want 1:\n%s", code, out)
	}
	if !regexp.MustCompile(`(?m)^::error file=docs/runbook.md,line=5,col=\d+,title=DV1001 missing-safety-mechanism::`).MatchString(out) {
		t.Errorf("no annotation for the missing kill switch:\n%s", out)
	}
	if strings.Contains(out, "FEED_OLDNAME") {
		t.Errorf("the pull request is blamed for drift it did not add:\n%s", out)
	}
}

var exprRE = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// expand resolves ${{ ... }} expressions; one the test does not know
// fails it, so that the snippets cannot depend on an unchecked value.
func expand(t *testing.T, s string, ctx map[string]string) string {
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		key := exprRE.FindStringSubmatch(m)[1]
		v, ok := ctx[key]
		if !ok {
			t.Errorf("unknown expression %s", m)
		}
		return v
	})
}

// The pre-commit hook runs the installed command on the staged docs.
func TestPreCommitHook(t *testing.T) {
	needTools(t, "git", "go")
	src, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
		PassFilenames              *bool `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(src, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "docverify" || !strings.HasPrefix(hooks[0].Entry, "docverify") || hooks[0].Language != "golang" {
		t.Fatalf("hooks = %+v", hooks)
	}
	// it runs on a change to the code as much as on one to a doc
	files := regexp.MustCompile(hooks[0].Files)
	for _, p := range []string{"README.md", "docs/a.mdx", "main.go", "internal/config/config.go"} {
		if !files.MatchString(p) {
			t.Errorf("the hook does not run when %s changes", p)
		}
	}
	if hooks[0].PassFilenames == nil || *hooks[0].PassFilenames {
		t.Error("the hook must not pass file names: it checks the commit's changes against the whole repository")
	}

	// A commit that only deletes the read site of a documented variable
	// is stopped; pre-commit runs the entry at the root with the staged
	// files on disk.
	bin := buildDocverify(t)
	repo, _ := freshRepo(t)
	if err := os.WriteFile(filepath.Join(repo, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "-C", repo, "add", "main.go").CombinedOutput(); err != nil {
		t.Fatalf("git add: %v\n%s", err, out)
	}
	args := strings.Fields(hooks[0].Entry)
	cmd := exec.Command(bin, args[1:]...)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("the hook on a commit deleting a read site: %v, want exit 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "FEED_MODE") || !strings.Contains(string(out), "that read site is gone") {
		t.Errorf("the hook's output does not name the removed read site:\n%s", out)
	}
	// the name is in the last commit: history must not say it never was
	if !strings.Contains(string(out), "history: still in the code of the last commit") || strings.Contains(string(out), "never in this repository") {
		t.Errorf("the hook's history verdict on a read site removed but not committed:\n%s", out)
	}
}

// Release builds and the Docker image build the command the way the
// README says, and stamp its version.
func TestReleaseBuilds(t *testing.T) {
	needTools(t, "go")
	src, err := os.ReadFile(filepath.Join(repoRoot, ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var gr struct {
		Builds []struct {
			ID, Main string
			Env      []string
			Flags    []string
			Ldflags  []string
		}
	}
	if err := yaml.Unmarshal(src, &gr); err != nil {
		t.Fatal(err)
	}
	if len(gr.Builds) == 0 {
		t.Fatal("no builds")
	}
	for _, b := range gr.Builds {
		if filepath.Clean(b.Main) != "cmd/docverify" {
			t.Errorf("build %s builds %s", b.ID, b.Main)
		}
		if !containsString(b.Env, "CGO_ENABLED=1") {
			t.Errorf("build %s does not enable cgo, which the grammars need", b.ID)
		}
	}
	// The release link flags, on this machine, give a binary that knows
	// its version. (-trimpath, which only changes recorded paths, is left
	// out so the build reuses the compile cache.)
	b := gr.Builds[0]
	for _, f := range b.Flags {
		if f != "-trimpath" {
			t.Errorf("build %s passes %s, which this test does not know", b.ID, f)
		}
	}
	ldflags := strings.ReplaceAll(strings.Join(b.Ldflags, " "), "{{.Version}}", "1.2.3-test")
	bin := buildDocverify(t, "-ldflags", ldflags)
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "docverify 1.2.3-test\n") {
		t.Errorf("version of a release build: %q, %v", out, err)
	}

	// The Dockerfile builds the same package with the Go of go.mod.
	docker, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goVersion == nil || !bytes.Contains(docker, []byte(fmt.Sprintf("FROM golang:%s-", goVersion[1]))) {
		t.Errorf("the Dockerfile's Go image is not go.mod's Go %s", goVersion[1])
	}
	for _, want := range []string{"CGO_ENABLED=1 go build", "-X main.version=${VERSION}", "./cmd/docverify", `ENTRYPOINT ["/usr/local/bin/docverify"]`} {
		if !bytes.Contains(docker, []byte(want)) {
			t.Errorf("the Dockerfile lacks %q", want)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// editorSample is text output as editors see it: one finding a line.
const editorSample = "docs/ops.md:12:24: error: environment variable ORDERS_READ_ONLY is documented as a safety mechanism (\"read-only\") but does not exist in the code [DV1001]\n" +
	"docs/ops.md:14:3: warning: config key retry.max is documented but does not exist in the code; did you mean retry.max_attempts, read at a.go:3:2? [DV1002]\n" +
	"docs/ops.md:20:1: info: this docverify-disable comment hides no finding; remove it [DV3001]\n"

// The README's VS Code problem matcher reads the text format.
func TestREADMEVSCodeProblemMatcher(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(\\{\n  \"version\": \"2.0.0\".*?)```").FindSubmatch(src)
	if m == nil {
		t.Fatal("README has no VS Code tasks.json")
	}
	var tasks struct {
		Tasks []struct {
			ProblemMatcher struct {
				Pattern struct {
					Regexp                                      string
					File, Line, Column, Severity, Message, Code int
				}
			}
		}
	}
	if err := json.Unmarshal(m[1], &tasks); err != nil {
		t.Fatal(err)
	}
	p := tasks.Tasks[0].ProblemMatcher.Pattern
	re := regexp.MustCompile(p.Regexp)
	want := [][]string{
		{"docs/ops.md", "12", "24", "error", `environment variable ORDERS_READ_ONLY is documented as a safety mechanism ("read-only") but does not exist in the code`, "DV1001"},
		{"docs/ops.md", "14", "3", "warning", "config key retry.max is documented but does not exist in the code; did you mean retry.max_attempts, read at a.go:3:2?", "DV1002"},
		{"docs/ops.md", "20", "1", "info", "this docverify-disable comment hides no finding; remove it", "DV3001"},
	}
	for i, line := range strings.Split(strings.TrimSuffix(editorSample, "\n"), "\n") {
		g := re.FindStringSubmatch(line)
		if g == nil {
			t.Errorf("the problem matcher does not match %q", line)
			continue
		}
		got := []string{g[p.File], g[p.Line], g[p.Column], g[p.Severity], g[p.Message], g[p.Code]}
		if strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, got, want[i])
		}
	}
}

// The README's Neovim errorformat fills the quickfix list: Vim reads the
// same option, so Vim checks it.
func TestREADMEVimErrorformat(t *testing.T) {
	needTools(t, "vim")
	src, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`vim\.opt_local\.errorformat = "([^"]+)"`).FindSubmatch(src)
	if m == nil {
		t.Fatal("README has no errorformat")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	qf := filepath.Join(dir, "qf.txt")
	if err := os.WriteFile(out, []byte(editorSample), 0o644); err != nil {
		t.Fatal(err)
	}
	efm := strings.NewReplacer(`\`, `\\`, " ", `\ `, ",", `\,`).Replace(string(m[1]))
	cmd := exec.Command("vim", "-es", "-N", "-u", "NONE", "-i", "NONE",
		"-c", "set errorformat="+efm,
		"-c", "cgetfile "+out,
		"-c", `call writefile(map(getqflist(), {_, v -> printf("%s|%d|%d|%s|%s", bufname(v.bufnr), v.lnum, v.col, v.type, v.text)}), "`+qf+`")`,
		"-c", "qa!")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("vim: %v\n%s", err, b)
	}
	got, err := os.ReadFile(qf)
	if err != nil {
		t.Fatal(err)
	}
	want := "docs/ops.md|12|24|e|environment variable ORDERS_READ_ONLY is documented as a safety mechanism (\"read-only\") but does not exist in the code [DV1001]\n" +
		"docs/ops.md|14|3|w|config key retry.max is documented but does not exist in the code; did you mean retry.max_attempts, read at a.go:3:2? [DV1002]\n" +
		"docs/ops.md|20|1|i|this docverify-disable comment hides no finding; remove it [DV3001]\n"
	if string(got) != want {
		t.Errorf("quickfix list:\n got %s\nwant %s", got, want)
	}
}

// The README's install-from-clone commands, run as written (the clone's
// URL pointed at this repository's own directory): they leave a working
// docverify in GOBIN.
func TestREADMEInstallFromClone(t *testing.T) {
	needTools(t, "go", "git")
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Install\n.*?```sh\n(.*?)```").FindSubmatch(readme)
	if m == nil || !bytes.Contains(m[1], []byte("go install ./cmd/docverify")) {
		t.Fatal("the README's Install section has no install-from-clone snippet")
	}
	self, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	work, gobin := t.TempDir(), t.TempDir()
	dir := work
	for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "git" && f[1] == "clone":
			// the snippet's URL, here: this checkout, as committed
			out, err := exec.Command("git", "clone", "-q", self, filepath.Join(dir, path.Base(f[2]))).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", line, err, out)
			}
		case len(f) == 2 && f[0] == "cd":
			dir = filepath.Join(dir, f[1])
		case len(f) >= 2 && f[0] == "go" && f[1] == "install":
			cmd := exec.Command(f[0], f[1:]...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOBIN="+gobin)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", line, err, out)
			}
		default:
			t.Fatalf("the install snippet has a line this test does not know how to run: %q", line)
		}
	}
	out, err := exec.Command(filepath.Join(gobin, "docverify"), "--version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "docverify ") {
		t.Errorf("the installed docverify --version: %v\n%s", err, out)
	}
}
