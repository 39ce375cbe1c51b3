package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docverify/docverify/langs"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

func writeRepo(t testing.TB, files map[string]string) (string, []string) {
	t.Helper()
	root := t.TempDir()
	var paths []string
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, name)
	}
	sort.Strings(paths)
	return root, paths
}

func newIndexer(t testing.TB, root string, files []string, cache *Cache) *Indexer {
	t.Helper()
	reg, err := langs.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(reg.Close)
	return New(reg, Options{Root: root, Files: files, Jobs: 2, Cache: cache, Project: lang.Project{RootName: "repo"}})
}

var repo = map[string]string{
	"main.go":           "package main\n\nimport \"os\"\n\nfunc main() { _ = os.Getenv(EnvToken); _ = getEnv(\"APP_REGION\") }\n",
	"names.go":          "package main\n\nconst EnvToken = \"APP_TOKEN\"\n",
	"helpers.go":        "package main\n\nimport \"os\"\n\nfunc getEnv(k string) string { return os.Getenv(k) }\n",
	"util/strings.go":   "package util\n\nfunc Upper(s string) string { return s }\n",
	"deploy/app.yaml":   "server:\n  listen: \":8080\"\nenv:\n  - APP_LOG_LEVEL\n",
	"web/app.js":        "console.log(process.env.APP_WEB)\n",
	"Main.swift":        "let token = ProcessInfo.processInfo.environment[\"APP_SWIFT\"]\n",
	"bin/app.jar":       "PK\x03\x04\x00\x00binary",
	"package-lock.json": "{\"APP_TOKEN\": 1}\n",
}

func reads(facts []verify.FileFacts) []string {
	var out []string
	for _, f := range facts {
		for _, r := range f.Reads {
			out = append(out, r.Name)
		}
	}
	sort.Strings(out)
	return out
}

func TestPhasesResolveConstantsAndWrappers(t *testing.T) {
	root, files := writeRepo(t, repo)
	ix := newIndexer(t, root, files, nil)
	facts, err := ix.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// names.go and util/strings.go hold nothing the Go queries look for
	if ix.Stats.Parsed != 3 || ix.Stats.Prefiltered != 2 {
		t.Errorf("phase 1: parsed %d, prefiltered %d; want 3 and 2", ix.Stats.Parsed, ix.Stats.Prefiltered)
	}
	vix := verify.NewIndex(facts, files)
	pending := vix.Pending()
	if strings.Join(pending, ",") != "EnvToken,getEnv" {
		t.Fatalf("pending = %v", pending)
	}
	facts, err = ix.Resolve(context.Background(), pending)
	if err != nil {
		t.Fatal(err)
	}
	// phase 2 parses names.go, which defines EnvToken, and not util/strings.go
	if ix.Stats.Parsed != 4 {
		t.Errorf("after phase 2: parsed %d, want 4", ix.Stats.Parsed)
	}
	vix = verify.NewIndex(facts, files)
	res := verify.Check([]verify.Claim{
		{Kind: verify.Env, Name: "APP_TOKEN"}, {Kind: verify.Env, Name: "APP_REGION"}, {Kind: verify.Env, Name: "APP_WEB"},
	}, vix)
	for _, r := range res {
		if r.Status != verify.Verified {
			t.Errorf("%s: %s (%s)", r.Claim.Name, r.Status, r.Reason)
		}
	}
	if ix.Stats.Unindexed["Swift"] != 1 {
		t.Errorf("unindexed = %v, want Swift 1", ix.Stats.Unindexed)
	}
}

func TestCacheSkipsUnchangedFiles(t *testing.T) {
	root, files := writeRepo(t, repo)
	dir := t.TempDir()
	run := func() Stats {
		cache, err := OpenCache(dir, root, 42)
		if err != nil {
			t.Fatal(err)
		}
		ix := newIndexer(t, root, files, cache)
		if _, err := ix.Index(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := cache.Save(); err != nil {
			t.Fatal(err)
		}
		return ix.Stats
	}
	first := run()
	second := run()
	if first.Parsed == 0 || second.Parsed != 0 || second.Cached != first.Parsed {
		t.Errorf("first run parsed %d; second parsed %d and took %d from the cache", first.Parsed, second.Parsed, second.Cached)
	}
	// A changed file is parsed again; a new time on the same content is not.
	if err := os.WriteFile(filepath.Join(root, "main.go"), []byte(repo["main.go"]+"\n// changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	touched := filepath.Join(root, "web", "app.js")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(touched, later, later); err != nil {
		t.Fatal(err)
	}
	third := run()
	if third.Parsed != 1 {
		t.Errorf("after one change: parsed %d, want 1", third.Parsed)
	}
	// A same-size edit with the modification time put back (touch -r) is
	// still seen: the stat shortcut also compares the change time, which
	// no one can set.
	web := filepath.Join(root, "web", "app.js")
	info, err := os.Stat(web)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(web, []byte(strings.Replace(repo["web/app.js"], "APP_WEB", "APP_WEX", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(web, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	cache, err := OpenCache(dir, root, 42)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := newIndexer(t, root, files, cache).Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(reads(facts), " "); !strings.Contains(got, "APP_WEX") || strings.Contains(got, "APP_WEB") {
		t.Errorf("after a same-size edit with the time restored, the cache served the old facts: %s", got)
	}
	// Another binary starts a fresh cache.
	cache, _ = OpenCache(dir, root, 43)
	if len(cache.entries) != 0 {
		t.Error("a cache written by another binary was used")
	}
}

func TestMentions(t *testing.T) {
	root, files := writeRepo(t, repo)
	ix := newIndexer(t, root, files, nil)
	m, err := ix.Mentions(context.Background(), []verify.MentionQuery{
		{Kind: verify.Env, Name: "APP_SWIFT"},
		{Kind: verify.Env, Name: "APP_LOG_LEVEL"},
		{Kind: verify.Config, Name: "server.listen"},
		{Kind: verify.Env, Name: "APP_TOKEN"},
		{Kind: verify.Env, Name: "APP_NOWHERE"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"APP_SWIFT":     "Main.swift:1:50 mentioned in a Swift file, which docverify does not index",
		"APP_LOG_LEVEL": "deploy/app.yaml:4:5 mentioned in a YAML file",
		"server.listen": "deploy/app.yaml:2:3 key in a YAML file",
		"APP_TOKEN":     "names.go:3:19 mentioned in a Go file",
	}
	for name, w := range want {
		if len(m[name]) == 0 {
			t.Errorf("%s: no mention, want %s", name, w)
			continue
		}
		e := m[name][0]
		if got := e.Pos.String() + " " + e.Via; got != w {
			t.Errorf("%s: %s, want %s", name, got, w)
		}
	}
	if len(m["APP_NOWHERE"]) != 0 {
		t.Errorf("APP_NOWHERE mentioned at %v", m["APP_NOWHERE"])
	}
	for _, e := range m["APP_TOKEN"] {
		if e.Pos.File == "package-lock.json" {
			t.Error("a lock file counted as a mention")
		}
	}
}

// A cached answer must be the answer an uncached run gives to the same
// question, whatever else the run that filled the cache asked: a flag's
// bare word counts only where it is written as a flag, so "keyfile" asked
// as a flag alone is not answered by a run that also asked it as a key.
func TestCachedMentionsAnswerOnlyTheirOwnQuestion(t *testing.T) {
	root, files := writeRepo(t, map[string]string{
		"main.go":     "package main\n\n// keyfile is read below\nfunc main() {}\n",
		"config.yaml": "keyfile: /etc/app.key\n",
	})
	flagOnly := []verify.MentionQuery{{Kind: verify.Flag, Name: "keyfile"}}
	both := append([]verify.MentionQuery{{Kind: verify.Config, Name: "keyfile"}}, flagOnly...)
	ask := func(cache *Cache, qs []verify.MentionQuery) string {
		m, err := newIndexer(t, root, files, cache).Mentions(context.Background(), qs)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(m["keyfile"])
	}
	uncachedFlag, uncachedBoth := ask(nil, flagOnly), ask(nil, both)
	if uncachedFlag == uncachedBoth {
		t.Fatalf("the question does not depend on the kinds asked (%s); the test proves nothing", uncachedFlag)
	}
	cache, err := OpenCache(t.TempDir(), root, 42)
	if err != nil {
		t.Fatal(err)
	}
	if got := ask(cache, both); got != uncachedBoth {
		t.Errorf("flag and key, first run with a cache: %s, want %s", got, uncachedBoth)
	}
	if got := ask(cache, flagOnly); got != uncachedFlag {
		t.Errorf("flag alone, after a run that also asked it as a key: %s, want the uncached %s", got, uncachedFlag)
	}
	if got := ask(cache, both); got != uncachedBoth {
		t.Errorf("flag and key again, from the cache: %s, want %s", got, uncachedBoth)
	}
}

// A warm search after one file changed reads that file only, and answers
// as an uncached search does; a name not searched before is searched in
// every file once.
func TestCachedMentionsReadOnlyChangedFiles(t *testing.T) {
	root, files := writeRepo(t, repo)
	dir := t.TempDir()
	qs := []verify.MentionQuery{{Kind: verify.Env, Name: "APP_TOKEN"}, {Kind: verify.Env, Name: "APP_WEB"}, {Kind: verify.Config, Name: "server.listen"}}
	ask := func(cached bool, qs []verify.MentionQuery) (string, Stats) {
		var cache *Cache
		if cached {
			var err error
			if cache, err = OpenCache(dir, root, 42); err != nil {
				t.Fatal(err)
			}
		}
		ix := newIndexer(t, root, files, cache)
		m, err := ix.Mentions(context.Background(), qs)
		if err != nil {
			t.Fatal(err)
		}
		if err := cache.Save(); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(m), ix.Stats
	}
	first, st := ask(true, qs)
	if st.TextRead == 0 {
		t.Fatal("a cold search read no file")
	}
	if again, st := ask(true, qs); again != first || st.TextRead != 0 {
		t.Errorf("unchanged: read %d files; answer %s, want %s", st.TextRead, again, first)
	}
	if err := os.WriteFile(filepath.Join(root, "web", "app.js"), []byte("console.log(process.env.APP_TOKEN)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _ := ask(false, qs)
	if got, st := ask(true, qs); got != want || st.TextRead != 1 {
		t.Errorf("after one edit: read %d files, want 1; answer %s, want the uncached %s", st.TextRead, got, want)
	}
	more := append(qs, verify.MentionQuery{Kind: verify.Env, Name: "APP_SWIFT"})
	want, _ = ask(false, more)
	if got, st := ask(true, more); got != want || st.TextRead < 2 {
		t.Errorf("a new name: read %d files; answer %s, want the uncached %s", st.TextRead, got, want)
	}
	if got, st := ask(true, more); got != want || st.TextRead != 0 {
		t.Errorf("the new name again: read %d files; answer %s, want %s", st.TextRead, got, want)
	}
}

func TestUnreadableFilesAreProblems(t *testing.T) {
	root, files := writeRepo(t, map[string]string{"big.go": "package x\n" + strings.Repeat("// os.Getenv\n", MaxFileSize/12), "ok.go": "package x\nimport \"os\"\nvar _ = os.Getenv(\"X_OK\")\n"})
	ix := newIndexer(t, root, files, nil)
	facts, err := ix.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Problems) != 1 || ix.Problems[0].Path != "big.go" || !strings.Contains(ix.Problems[0].Message, "larger than 2 MiB") {
		t.Errorf("problems = %+v", ix.Problems)
	}
	if got := reads(facts); len(got) != 1 || got[0] != "X_OK" {
		t.Errorf("reads = %v; the run must go on past a bad file", got)
	}
}

func TestRuns(t *testing.T) {
	tok := []byte("cfg.retry.max_attempts")
	var runs []string
	eachRun(tok, func(s, e int) { runs = append(runs, string(tok[s:e])) })
	if got := strings.Join(runs, " "); got != "cfg cfg.retry retry retry.max_attempts max_attempts" {
		t.Errorf("runs = %s", got)
	}
	var toks []string
	tokens([]byte(`--dry-run=true process.env.APP_X. "a.b"`), func(b []byte, _ int) { toks = append(toks, string(b)) })
	if strings.Join(toks, "|") != "dry-run|true|process.env.APP_X|a.b" {
		t.Errorf("tokens = %q", toks)
	}
}

func TestExtensionlessScriptsByShebang(t *testing.T) {
	root, files := writeRepo(t, map[string]string{
		// read as Ruby, and a program of the repository
		"bin/rubocop": "#!/usr/bin/env ruby\nputs ENV['RUBOCOP_OPTS']\n",
		// a program even though nothing in it is worth parsing
		"exe/tool":      "#!/usr/bin/env -S node --no-warnings\nrequire('../lib/cli').run()\n",
		"scripts/build": "#!/usr/bin/python3.12\nimport os\nos.environ.get('BUILD_MODE')\n",
		// no #! line: not a script, and not a program (a Dockerfile makes
		// the repository's image, named after the root: repo)
		"bin/notes":  "ruby is mentioned here: ENV['NOT_READ']\n",
		"Dockerfile": "FROM ruby:3\nENV NOT_READ_EITHER=1\n",
		// an interpreter docverify has no grammar for
		"bin/report": "#!/usr/bin/env perl\nprint $ENV{'PERL_READ'};\n",
	})
	ix := newIndexer(t, root, files, nil)
	facts, err := ix.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(reads(facts), ","), "BUILD_MODE,RUBOCOP_OPTS"; got != want {
		t.Errorf("reads = %s, want %s", got, want)
	}
	var progs []string
	for _, f := range facts {
		for _, p := range f.Programs {
			progs = append(progs, p.Name)
		}
	}
	sort.Strings(progs)
	if got, want := strings.Join(progs, ","), "build,repo,rubocop,tool"; got != want {
		t.Errorf("programs = %s, want %s", got, want)
	}
}

func TestMentionsKeepTheFirstByPosition(t *testing.T) {
	// more files name the word than evidence is kept for; the ones kept
	// are the first by path, whichever worker reads them first, and a
	// source file's mention is not crowded out by data files'
	files := map[string]string{"src/main.go": "package main\n\nvar _ = \"cache_mode\"\n"}
	for i := 0; i < 12; i++ {
		files[fmt.Sprintf("data/%02d.txt", i)] = "cache_mode\n"
	}
	root, paths := writeRepo(t, files)
	var first []string
	for run := 0; run < 5; run++ {
		ix := newIndexer(t, root, paths, nil)
		m, err := ix.Mentions(context.Background(), []verify.MentionQuery{{Kind: verify.Config, Name: "cache_mode"}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		inCode := false
		for _, e := range m["cache_mode"] {
			got = append(got, e.Pos.File)
			inCode = inCode || e.InCode
		}
		if !inCode {
			t.Fatalf("the source file's mention was crowded out: %v", got)
		}
		if run == 0 {
			first = got
			if want := "data/00.txt,data/01.txt,data/02.txt,data/03.txt,data/04.txt,src/main.go"; strings.Join(got, ",") != want {
				t.Errorf("kept %v, want %s", got, want)
			}
		} else if strings.Join(got, ",") != strings.Join(first, ",") {
			t.Errorf("run %d kept %v, run 0 %v", run, got, first)
		}
	}
}

// TestNearMentions: a name one typo from a word the code writes as a
// string is found near it, with the code's spelling.
func TestNearMentions(t *testing.T) {
	root, files := writeRepo(t, map[string]string{
		"flags.go": "package flags\n\nvar f = Flag{\n\tName: \"exclude-namespaces\",\n}\n",
	})
	ix := newIndexer(t, root, files, nil)
	m, err := ix.Mentions(context.Background(), []verify.MentionQuery{{Kind: verify.Flag, Name: verify.NearPrefix + "exclude-namespace"}})
	if err != nil {
		t.Fatal(err)
	}
	evs := m[verify.NearPrefix+"exclude-namespace"]
	if len(evs) == 0 || evs[0].Name != "exclude-namespaces" || evs[0].Pos.String() != "flags.go:4:9" {
		t.Errorf("near mentions of exclude-namespace: %v, want exclude-namespaces at flags.go:4:9", evs)
	}
}

// A name whose words the code writes the other way round is near it; the
// start of a name built from parts (acceptance_test_$(DIR)) is not.
func TestNearMentionsOfReorderedWords(t *testing.T) {
	root, files := writeRepo(t, map[string]string{
		"Makefile": "test:\n\tdocker compose run --rm test_acceptance\n\tCOMPOSE_PROJECT_NAME=acceptance_test_$(DIR) make up\n",
	})
	ix := newIndexer(t, root, files, nil)
	q := verify.NearPrefix + "acceptance_test"
	m, err := ix.Mentions(context.Background(), []verify.MentionQuery{{Kind: verify.Config, Name: q}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range m[q] {
		got = append(got, e.Name+"@"+e.Pos.String())
	}
	if want := "[test_acceptance@Makefile:2:26]"; fmt.Sprint(got) != want {
		t.Errorf("near mentions of acceptance_test: %v, want %s", got, want)
	}
}

// A file that takes longer than --file-timeout to parse and query is
// reported and left out, and the run goes on with the others.
func TestSlowFileIsAProblem(t *testing.T) {
	root, files := writeRepo(t, map[string]string{"slow.go": "package x\nimport \"os\"\nvar _ = os.Getenv(\"X_SLOW\")\n"})
	reg, err := langs.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix := New(reg, Options{Root: root, Files: files, Jobs: 1, FileTimeout: time.Nanosecond, Project: lang.Project{RootName: "repo"}})
	facts, err := ix.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Problems) != 1 || !strings.Contains(ix.Problems[0].Message, "took longer than the time one file may take (1ns, --file-timeout)") {
		t.Errorf("problems = %+v", ix.Problems)
	}
	if got := reads(facts); len(got) != 0 {
		t.Errorf("reads = %v; a file read only in part is left out", got)
	}

	ix = New(reg, Options{Root: root, Files: files, Jobs: 1, Project: lang.Project{RootName: "repo"}})
	if facts, err = ix.Index(context.Background()); err != nil || len(ix.Problems) != 0 || len(reads(facts)) != 1 {
		t.Errorf("with the default timeout: problems %+v, reads %v, %v", ix.Problems, reads(facts), err)
	}
}

// A parse stopped by the deadline leaves nothing behind in the worker's
// parser: tree-sitter resumes a stopped parse on the next call unless it
// is reset, and the next call is another file's (positions past its end).
func TestStoppedParseDoesNotLeakIntoTheNextFile(t *testing.T) {
	reg, err := langs.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := reg.ForPath("a.go").Compiled()
	if err != nil {
		t.Fatal(err)
	}
	w := lang.NewWorker()
	defer w.Close()
	big := "package x\n\nimport \"os\"\n\n" + strings.Repeat("var _ = os.Getenv(\"X_BIG\")\n", 20000)
	w.Timeout = time.Nanosecond
	if _, err := w.Facts(context.Background(), c, "big.go", []byte(big), lang.Project{}); !errors.Is(err, lang.ErrFileTimeout) {
		t.Fatalf("a 1ns limit: %v, want ErrFileTimeout", err)
	}
	w.Timeout = 0
	small := "package x\n\nimport \"os\"\n\nvar _ = os.Getenv(\"X_SMALL\")\n"
	facts, err := w.Facts(context.Background(), c, "small.go", []byte(small), lang.Project{})
	if err != nil || len(facts.Reads) != 1 || facts.Reads[0].Name != "X_SMALL" {
		t.Errorf("the next file: reads %+v, %v", facts.Reads, err)
	}
}

// A repository that builds an image runs it by its own name in its docs
// (docker run ... acme/relay): the root's name is then a program of it.
func TestDockerfileMakesTheRootsNameAProgram(t *testing.T) {
	programs := func(files map[string]string) []string {
		root, list := writeRepo(t, files)
		facts, err := newIndexer(t, root, list, nil).Index(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range facts {
			for _, p := range f.Programs {
				out = append(out, p.Name)
			}
		}
		return out
	}
	if got := programs(map[string]string{"docker/web.Dockerfile": "FROM alpine\n", "README.md": "x"}); len(got) != 1 || got[0] != "repo" {
		t.Errorf("with a Dockerfile: programs %v, want [repo]", got)
	}
	if got := programs(map[string]string{"README.md": "x"}); len(got) != 0 {
		t.Errorf("without one: programs %v", got)
	}
}

func TestGeneratedFilesAreOnlyTextSearched(t *testing.T) {
	licence := "// " + strings.Repeat("Licensed under the Apache License. ", 30) + "\n"
	root, files := writeRepo(t, map[string]string{
		"Migrations/20250804_AddChannel.Designer.cs": "// <auto-generated />\nclass M { string s = System.Environment.GetEnvironmentVariable(\"MIGRATION_READ\"); }\n",
		"api/api.pb.go":  licence + "// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n\nimport \"os\"\n\nvar _ = os.Getenv(\"PROTO_READ\")\n",
		"gen/client.js":  "/** @generated by the client generator */\nconsole.log(process.env.CLIENT_READ)\n",
		"main.go":        "package main\n\nimport \"os\"\n\n// DO NOT EDIT the name below: the deployment sets it.\nvar _ = os.Getenv(\"HAND_WRITTEN_READ\")\n",
		"late/marker.go": "package late\n\nimport \"os\"\n\nvar _ = os.Getenv(\"MARKED_LATE_READ\")\n\n" + strings.Repeat("// filler\n", 300) + "// @generated is named here, far below the header\n",
		"Program.cs":     "class P { string s = System.Environment.GetEnvironmentVariable(\"PROGRAM_READ\"); }\n",
	})
	ix := newIndexer(t, root, files, nil)
	facts, err := ix.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// the generated files' reads are not reads (they stay mentions, found
	// by the text search); a "DO NOT EDIT" that says nothing of a
	// generator, and a marker deep in a file, do not make it generated
	if got, want := strings.Join(reads(facts), ","), "HAND_WRITTEN_READ,MARKED_LATE_READ,PROGRAM_READ"; got != want {
		t.Errorf("reads = %s, want %s", got, want)
	}
}
