package verify

import (
	"fmt"
	"strings"
)

// A prefix builder docverify cannot read to the end (a loop over a
// structure's fields by reflection, PROXEUS_ + the field's name
// upper-snaked) makes every documented name with its prefix "dynamic",
// info: a typo in one of them is lost. But the names such a builder can
// make are, in most code, the structure's own keys: when the docs' other
// names with the prefix are exactly the prefix plus a key of the code's
// config structures (PROXEUS_SETTINGS_FILE for settingsFile), the builder
// (read there, or mentioned in its build files) is taken to build from those keys, and a documented name one slip from
// one of them (PROXEUS_INFURA_KEY beside infuraApiKey) is that name
// misspelt: missing, with the built name suggested. Where no other name
// fits exactly, nothing shows what the builder builds from, and every
// name stays dynamic.

// builtNearMisses turns such dynamic results into missing ones, in place.
func (ix *Index) builtNearMisses(results []Result) {
	byPrefix := map[string][]int{}
	for i, r := range results {
		if p, ok := dynamicPrefix(r); ok {
			byPrefix[p] = append(byPrefix[p], i)
		}
	}
	if len(byPrefix) == 0 {
		return
	}
	keys := ix.keyEnvForms()
	for p, idx := range byPrefix {
		// the docs' names with the prefix that the code has in any way
		// (read, mentioned, or built) and that are the prefix plus a key
		fits := 0
		for _, r := range results {
			c := r.Claim
			if c.Kind == Env && r.Status != Missing && strings.HasPrefix(c.Name, p) && len(c.Name) > len(p) {
				if _, ok := keys[c.Name[len(p):]]; ok {
					fits++
				}
			}
		}
		if fits == 0 {
			continue
		}
		for _, i := range idx {
			r := &results[i]
			rest := r.Claim.Name[len(p):]
			if _, ok := keys[rest]; ok {
				continue
			}
			// a builder that makes names from other words of the code (an
			// option table's keys: KOMETA_ + "trace") can make this one
			// from a word the code has; only a name no word of the code
			// accounts for is a key misspelt
			if d, ok := ix.nameBuilder(Env, r.Claim.Name); ok {
				if src, _ := ix.builtFromNames(Env, dashedForm(Env, r.Claim.Name, d)); src != "" {
					continue
				}
			}
			form, f, ok := nearKeyForm(rest, keys)
			if !ok {
				continue
			}
			built := r.Evidence[0]
			r.Status = Missing
			r.Reason = fmt.Sprintf("the code builds names with %s from keys of its config structures (%s), and %s is none of them", p, built.Pos, r.Claim.Name)
			r.Nearest = &Evidence{Pos: f.pos, Name: p + form, Via: fmt.Sprintf("%s%s from the key %s", builtVia, built.Pos, f.Key), Strength: Read}
			r.Evidence = nil
		}
	}
}

// dynamicPrefix is the env prefix of a result judged dynamic because a
// builder with a prefix could make its name: its first evidence is the
// builder's pattern, PREFIX_*. A name whose source the code names, or
// one of the project's library, has other evidence first: those fit already.
func dynamicPrefix(r Result) (string, bool) {
	if r.Status != Dynamic || r.Claim.Kind != Env || len(r.Evidence) == 0 {
		return "", false
	}
	p, ok := strings.CutSuffix(r.Evidence[0].Name, "*")
	if !ok || len(p) < 2 || !strings.HasSuffix(p, "_") || !strings.HasPrefix(r.Claim.Name, p) || len(r.Claim.Name) == len(p) {
		return "", false
	}
	return p, true
}

// builtVia opens the Via of a name suggested as the prefix plus a key.
const builtVia = "built at "

// keyEnvForms maps the env form of every key of the code's config
// structures (infuraApiKey → INFURA_API_KEY) to its field.
func (ix *Index) keyEnvForms() map[string]fieldSite {
	out := map[string]fieldSite{}
	for _, fs := range ix.byKey {
		for _, f := range fs {
			form := envForm(splitCamel(f.Key), "_", "_")
			if old, ok := out[form]; !ok || f.pos.Before(old.pos) {
				out[form] = f
			}
		}
	}
	return out
}

// nearKeyForm finds the key form one slip from a name's rest, the first
// by name when several are.
func nearKeyForm(rest string, keys map[string]fieldSite) (string, fieldSite, bool) {
	best := ""
	for form := range keys {
		if d := len(form) - len(rest); d > len(rest)/2+4 || -d > len(form)/2+4 {
			continue // too far apart in length for one slip: cheap to rule out
		}
		if closeName(rest, form) && !sameSpelledOtherwise(rest, form) && (best == "" || form < best) {
			best = form
		}
	}
	if best == "" {
		return "", fieldSite{}, false
	}
	return best, keys[best], true
}
