package index

import (
	"context"
	"path"
	"strings"
	"sync"

	"github.com/docverify/docverify/extract/configblock"
	"github.com/docverify/docverify/langs/lang"
	"github.com/docverify/docverify/verify"
)

// maxMentions bounds the evidence kept for one name: a few places make the
// point, and a name in every file would flood the output.
const maxMentions = 5

// lockFiles list names that never say anything about a name being used.
var lockFiles = map[string]bool{"package-lock.json": true, "yarn.lock": true, "pnpm-lock.yaml": true, "go.sum": true,
	"Cargo.lock": true, "poetry.lock": true, "Pipfile.lock": true, "composer.lock": true, "Gemfile.lock": true, "uv.lock": true}

// structured maps file endings of config files to their format, whose
// nested keys are matched as dotted paths.
var structured = map[string]configblock.Format{".yaml": configblock.YAML, ".yml": configblock.YAML, ".json": configblock.JSON,
	".toml": configblock.TOML, ".properties": configblock.Properties, ".ini": configblock.INI, ".cfg": configblock.INI}

// Mentions searches every file that is not a doc for the text of the
// queried names, and returns where each appears. Config keys are also
// matched as nested keys of YAML, JSON, TOML, INI and properties files.
func (ix *Indexer) Mentions(ctx context.Context, qs []verify.MentionQuery) (map[string][]verify.Evidence, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	want := map[string]bool{}
	leaves := map[string][]string{} // last segment of a config key → full keys
	for _, q := range qs {
		want[q.Name] = true
		if q.Kind == verify.Config || q.Kind == verify.Feature {
			i := strings.LastIndexByte(q.Name, '.')
			leaves[strings.ToLower(q.Name[i+1:])] = append(leaves[strings.ToLower(q.Name[i+1:])], q.Name)
		}
	}
	out := map[string][]verify.Evidence{}
	var mu sync.Mutex
	searched := 0
	add := func(name string, e verify.Evidence) {
		mu.Lock()
		defer mu.Unlock()
		if len(out[name]) < maxMentions {
			out[name] = append(out[name], e)
		}
	}
	err := ix.each(ctx, func(_ *lang.Worker, i int) {
		fs := &ix.files[i]
		if lockFiles[path.Base(fs.path)] || strings.HasSuffix(fs.path, ".min.js") || strings.HasSuffix(fs.path, ".map") {
			return
		}
		src, err := ix.read(fs.path)
		if err != nil {
			return // reported by the phases that need the file; data files may be large
		}
		mu.Lock()
		searched++
		mu.Unlock()
		what := kindOfFile(fs.path, fs.lang)
		li := lineIndex(src)
		var structuredHit bool
		tokens(src, func(t []byte, off int) {
			s := string(t)
			for _, cand := range candidates(s) {
				if want[cand] {
					add(cand, verify.Evidence{Pos: li.pos(fs.path, src, off+strings.Index(s, cand)), Name: cand, Via: "mentioned in " + what, Strength: verify.Mention})
				}
				if len(leaves[strings.ToLower(cand)]) > 0 {
					structuredHit = true
				}
			}
		})
		if f, ok := structured[path.Ext(fs.path)]; ok && structuredHit {
			ix.structuredMentions(fs.path, src, f, leaves, what, add)
		}
	})
	ix.Stats.TextSearched = searched
	return out, err
}

// candidates are the names a token can hold: itself and every run of its
// dot-separated parts, so that process.env.FEED_X holds FEED_X and
// cfg.retry.max_attempts holds retry.max_attempts.
func candidates(tok string) []string {
	if strings.IndexByte(tok, '.') < 0 {
		return []string{tok}
	}
	parts := strings.Split(tok, ".")
	if len(parts) > 8 {
		return []string{tok}
	}
	var out []string
	for i := range parts {
		for j := i + 1; j <= len(parts); j++ {
			out = append(out, strings.Join(parts[i:j], "."))
		}
	}
	return out
}

// structuredMentions matches config keys against the nested keys of a
// config file: retry.max_attempts is a key of retry: {max_attempts: 3}.
func (ix *Indexer) structuredMentions(p string, src []byte, f configblock.Format, leaves map[string][]string, what string, add func(string, verify.Evidence)) {
	root, err := configblock.Parse(f, string(src))
	if err != nil {
		return
	}
	li := lineIndex(src)
	for _, l := range root.Leaves() {
		key := strings.Join(l.Path, ".")
		for _, name := range leaves[strings.ToLower(l.Path[len(l.Path)-1])] {
			if strings.EqualFold(key, name) || strings.HasSuffix(strings.ToLower(key), "."+strings.ToLower(name)) {
				add(name, verify.Evidence{Pos: li.pos(p, src, max(l.Offset, 0)), Name: key, Via: "key in " + what, Strength: verify.Mention})
			}
		}
	}
}

// lines is a sorted list of line starts.
type lines []int

func lineIndex(src []byte) lines {
	ls := lines{0}
	for i, b := range src {
		if b == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos converts a byte offset into a position with a column in characters.
func (ls lines) pos(file string, src []byte, off int) verify.Pos {
	lo, hi := 0, len(ls)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if ls[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	col := 1
	for i := ls[lo]; i < off && i < len(src); i++ {
		if src[i]&0xC0 != 0x80 {
			col++
		}
	}
	return verify.Pos{File: file, Line: lo + 1, Col: col}
}
