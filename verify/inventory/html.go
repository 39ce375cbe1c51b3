package inventory

import (
	"html/template"
	"io"
	"strings"
)

// HTML writes the inventory as one self-contained page: no external
// assets, a table to sort (click a heading) and filter (the search box and
// the status list), status colours and a bar per kind for coverage. It is
// built with html/template, so nothing from the docs or code is markup.
func HTML(w io.Writer, inv Inventory) error {
	type row struct {
		Kind, Name, Status, Doc, Code, Safety string
	}
	var rows []row
	for _, e := range inv.Documented {
		rows = append(rows, row{e.Kind.String(), e.Name, e.Status.String(), e.Doc.String(), e.Where(), e.Safety})
	}
	for _, u := range inv.Undocumented {
		rows = append(rows, row{u.Kind.String(), u.Name, "undocumented", "", u.At.String() + " (" + u.Via + ")", ""})
	}
	type bar struct {
		Kind                                    string
		Claimed, Verified, Read, ReadDocumented int
		VerifiedPct, DocumentedPct              int
	}
	var bars []bar
	for _, c := range inv.Coverage {
		bars = append(bars, bar{c.Kind.Noun(), c.Claimed, c.Verified, c.Read, c.ReadDocumented, Percent(c.Verified, c.Claimed), Percent(c.ReadDocumented, c.Read)})
	}
	type stale struct{ Name, Kind, Was, Docs string }
	var since struct {
		Ref, Summary string
		Stale        []stale
		On           bool
	}
	if ch := inv.Since; ch != nil {
		since.Ref, since.Summary, since.On = ch.Ref, ch.Summary(), true
		for _, s := range ch.StillDocumented {
			var at []string
			for _, p := range s.Docs {
				at = append(at, p.String())
			}
			since.Stale = append(since.Stale, stale{s.Name, s.Kind.String(), s.At.String() + " (" + s.Via + ")", strings.Join(at, ", ")})
		}
	}
	return page.Execute(w, struct {
		Root   string
		Bars   []bar
		Rows   []row
		Safety int
		Since  any
	}{inv.Root, bars, rows, len(inv.Safety), since})
}

var page = template.Must(template.New("inventory").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>docverify inventory</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1rem;color:#222}
h1{font-size:1.4rem}
.bars{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem;margin:1rem 0}
.bar{border:1px solid #ddd;border-radius:6px;padding:.5rem}
.track{background:#eee;height:.6rem;border-radius:3px;overflow:hidden;margin:.2rem 0 .4rem}
.fill{background:#2e7d32;height:100%}
.fill.doc{background:#1565c0}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
input,select{font:inherit;padding:.25rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top;word-break:break-word}
th{cursor:pointer;background:#fafafa;position:sticky;top:0}
code{font-family:ui-monospace,monospace}
.s-missing{color:#b71c1c;font-weight:600}.s-unwired{color:#e65100}.s-dynamic{color:#6a1b9a}
.s-verified{color:#2e7d32}.s-external,.s-ignored{color:#777}.s-undocumented{color:#1565c0}
@media (max-width:40rem){td:nth-child(4),th:nth-child(4){display:none}}
</style></head><body>
<h1>Documented mechanisms: inventory</h1>
<p>{{.Root}} · {{.Safety}} presented as safety mechanisms</p>
<div class="bars">{{range .Bars}}<div class="bar"><strong>{{.Kind}}</strong>
<div>documented, verified: {{.Verified}} of {{.Claimed}} ({{.VerifiedPct}}%)</div><div class="track"><div class="fill" style="width:{{.VerifiedPct}}%"></div></div>
<div>read by the code, documented: {{.ReadDocumented}} of {{.Read}} ({{.DocumentedPct}}%)</div><div class="track"><div class="fill doc" style="width:{{.DocumentedPct}}%"></div></div>
</div>{{end}}</div>
{{with .Since}}{{if .On}}<section id="since"><h2>Since {{.Ref}}</h2>
<p>{{.Summary}}</p>
{{if .Stale}}<p class="s-missing">Knobs the code no longer reads, still in the docs:</p>
<table id="stale"><thead><tr><th>Name</th><th>Kind</th><th>Was read at</th><th>Still documented at</th></tr></thead><tbody>
{{range .Stale}}<tr><td><code>{{.Name}}</code></td><td>{{.Kind}}</td><td>{{.Was}}</td><td>{{.Docs}}</td></tr>
{{end}}</tbody></table>{{else}}<p>No knob the code stopped reading is still in the docs.</p>{{end}}</section>{{end}}{{end}}
<div class="controls"><input id="q" type="search" placeholder="Filter by name or file" aria-label="Filter">
<select id="st" aria-label="Status"><option value="">every status</option><option>missing</option><option>unwired</option><option>dynamic</option><option>verified</option><option>external</option><option>ignored</option><option>undocumented</option></select></div>
<table id="t"><thead><tr><th>Name</th><th>Kind</th><th>Status</th><th>Doc</th><th>Code</th><th>Safety</th></tr></thead><tbody>
{{range .Rows}}<tr data-status="{{.Status}}"><td><code>{{.Name}}</code></td><td>{{.Kind}}</td><td class="s-{{.Status}}">{{.Status}}</td><td>{{.Doc}}</td><td>{{.Code}}</td><td>{{.Safety}}</td></tr>
{{end}}</tbody></table>
<script>
(function(){
var t=document.getElementById('t'),q=document.getElementById('q'),st=document.getElementById('st');
function filter(){var v=q.value.toLowerCase(),s=st.value;
for(var r of t.tBodies[0].rows){var ok=(!s||r.dataset.status===s)&&(!v||r.textContent.toLowerCase().indexOf(v)>=0);r.style.display=ok?'':'none';}}
q.addEventListener('input',filter);st.addEventListener('change',filter);
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){var asc=true;th.addEventListener('click',function(){
var rows=Array.prototype.slice.call(t.tBodies[0].rows);rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;return asc?x.localeCompare(y):y.localeCompare(x);});
asc=!asc;rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});
})();
</script></body></html>
`))
