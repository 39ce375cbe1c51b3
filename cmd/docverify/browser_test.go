package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The report's HTML page, opened in a real headless Chromium: it renders,
// its filter and sort work, and the counts it shows are the JSON report's.
// The page is loaded as it is written; a harness script appended after it
// only plays the user's part (typing a filter, choosing a status, clicking
// a heading) and writes what the page then shows into an element whose
// text Chromium's --dump-dom prints.

// browserHarness acts on the page and records what it shows.
const browserHarness = `<script>
(function(){
var t=document.getElementById('t'),q=document.getElementById('q'),st=document.getElementById('st'),out={};
function visible(){return Array.prototype.filter.call(t.tBodies[0].rows,function(r){return r.style.display!=='none';}).length;}
function firstName(){return t.tBodies[0].rows[0].cells[0].textContent;}
out.rows=t.tBodies[0].rows.length;
out.bars=Array.prototype.map.call(document.querySelectorAll('.bar'),function(b){return b.textContent.replace(/\s+/g,' ').trim();});
q.value='kill';q.dispatchEvent(new Event('input'));out.filtered=visible();
q.value='';q.dispatchEvent(new Event('input'));
st.value='missing';st.dispatchEvent(new Event('change'));out.missing=visible();
st.value='';st.dispatchEvent(new Event('change'));out.all=visible();
t.tHead.rows[0].cells[0].click();out.sortedFirst=firstName();
t.tHead.rows[0].cells[0].click();out.reversedFirst=firstName();
var pre=document.createElement('pre');pre.id='harness';pre.textContent=JSON.stringify(out);document.body.appendChild(pre);
})();
</script>`

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("DOCVERIFY_BROWSER_TESTS") == "required" {
		t.Fatal("DOCVERIFY_BROWSER_TESTS=required, but no chromium is installed")
	}
	t.Skip("needs chromium (Debian's chromium package)")
	return ""
}

// headless runs Chromium the way this machine allows: as root, with no
// sandbox, no GPU and none of its background connections.
func headless(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

func TestReportPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		"main.go":   "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"FEED_TOKEN\")\n\t_ = os.Getenv(\"FEED_RETRY_DAYS\")\n\t_ = os.Getenv(\"FEED_HOST\")\n}\n",
		"docs/runbook.md": "# Runbook\n\nTo stop the feed in an emergency, set the `FEED_KILL_SWITCH` environment variable.\n\n" +
			"The `FEED_TOKEN` environment variable holds the API token.\n\nThe `FEED_ZONE` environment variable picks the zone.\n",
	})
	page := filepath.Join(t.TempDir(), "inventory.html")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"report", "--no-cache", "--format", "html", "-o", page, repo}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report --format html: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"report", "--no-cache", "--format", "json", repo}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report --format json: exit %d: %s", code, stderr.String())
	}
	var inv struct {
		Coverage []struct {
			Kind                    string
			Claimed, Verified, Read int
			ReadDocumented          int `json:"read_documented"`
		}
		Documented   []struct{ Name, Status string }
		Undocumented []struct{ Name string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &inv); err != nil {
		t.Fatal(err)
	}

	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	harness := filepath.Join(filepath.Dir(page), "harness.html")
	if err := os.WriteFile(harness, []byte(strings.Replace(string(src), "</body>", browserHarness+"</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, browser, "--dump-dom", "file://"+harness)
	m := regexp.MustCompile(`<pre id="harness">(.*?)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the page did not run: no harness output in\n%s", dom)
	}
	var shown struct {
		Rows, Filtered, Missing, All int
		Bars                         []string
		SortedFirst, ReversedFirst   string
	}
	if err := json.Unmarshal(bytes.ReplaceAll(m[1], []byte("&quot;"), []byte(`"`)), &shown); err != nil {
		t.Fatalf("harness output %s: %v", m[1], err)
	}

	rows := len(inv.Documented) + len(inv.Undocumented)
	missing := 0
	for _, d := range inv.Documented {
		if d.Status == "missing" {
			missing++
		}
	}
	if shown.Rows != rows || shown.All != rows {
		t.Errorf("the page shows %d rows (%d after clearing the filters), the JSON has %d", shown.Rows, shown.All, rows)
	}
	if shown.Missing != missing || missing != 2 {
		t.Errorf("filtering by status missing shows %d rows, the JSON has %d missing (want 2: FEED_KILL_SWITCH, FEED_ZONE)", shown.Missing, missing)
	}
	if shown.Filtered != 1 {
		t.Errorf("filtering by \"kill\" shows %d rows, want 1 (FEED_KILL_SWITCH)", shown.Filtered)
	}
	if shown.SortedFirst != "FEED_HOST" || shown.ReversedFirst != "FEED_ZONE" {
		t.Errorf("sorting by name: first %q, then %q after a second click; want FEED_HOST, then FEED_ZONE", shown.SortedFirst, shown.ReversedFirst)
	}
	if len(shown.Bars) != len(inv.Coverage) {
		t.Fatalf("the page shows %d coverage bars, the JSON has %d kinds", len(shown.Bars), len(inv.Coverage))
	}
	for i, c := range inv.Coverage {
		want := regexp.MustCompile(`documented, verified: ` + itoa(c.Verified) + ` of ` + itoa(c.Claimed) + ` .*read by the code, documented: ` + itoa(c.ReadDocumented) + ` of ` + itoa(c.Read))
		if !want.MatchString(shown.Bars[i]) {
			t.Errorf("coverage bar %q does not show the JSON's %+v", shown.Bars[i], c)
		}
	}

	// it renders: a screenshot at phone width is a non-empty PNG
	shot := filepath.Join(t.TempDir(), "phone.png")
	headless(t, browser, "--window-size=390,844", "--screenshot="+shot, "file://"+page)
	png, err := os.ReadFile(shot)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 2000 {
		t.Errorf("no screenshot of the page at phone width (%d bytes, %v)", len(png), err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
