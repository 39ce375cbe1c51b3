package inventory

import (
	"fmt"
	"sort"

	"github.com/docverify/docverify/verify"
)

// Changes are what changed since an earlier revision: the claims docs
// added, dropped or whose status changed, the read sites code added and
// removed, and, first, the dangerous case — a knob whose read site is
// gone while a doc still tells readers to use it.
type Changes struct {
	// Ref names the revision compared with: "3f2c1ab (v1.4.0)".
	Ref string `json:"ref"`
	// StillDocumented are knobs the code read at Ref and reads no more,
	// which a doc still names.
	StillDocumented []Stale        `json:"still_documented"`
	ClaimsAdded     []Entry        `json:"claims_added"`
	ClaimsRemoved   []Entry        `json:"claims_removed"`
	StatusChanged   []StatusChange `json:"status_changed"`
	ReadsAdded      []Read         `json:"reads_added"`
	ReadsRemoved    []Read         `json:"reads_removed"`
}

// Read is one knob the code reads, at its first read site.
type Read struct {
	Kind verify.Kind `json:"kind"`
	Name string      `json:"name"`
	At   verify.Pos  `json:"at"`
	Via  string      `json:"via"`
}

// StatusChange is a claim whose status differs from Ref's.
type StatusChange struct {
	Entry
	Was verify.Status `json:"was"`
}

// Stale is a read site removed since Ref (At is where it was, at Ref)
// with the doc places that still name it.
type Stale struct {
	Read
	Docs []verify.Pos `json:"docs"`
}

// Compare finds what changed from before (the inventory at ref, and the
// names the code read there) to after. Claims are matched by kind, name
// and doc file, so moving a line within a doc is no change; reads by kind
// and name.
func Compare(ref string, before Inventory, beforeReads []verify.Implemented, after Inventory, afterReads []verify.Implemented) Changes {
	ch := Changes{Ref: ref}
	type claimKey struct {
		kind       verify.Kind
		name, file string
	}
	index := func(es []Entry) (map[claimKey]Entry, []claimKey) {
		m := map[claimKey]Entry{}
		var order []claimKey
		for _, e := range es {
			k := claimKey{e.Kind, fold(e.Name), e.Doc.File}
			if _, ok := m[k]; !ok {
				m[k] = e
				order = append(order, k)
			}
		}
		return m, order
	}
	was, wasOrder := index(before.Documented)
	now, nowOrder := index(after.Documented)
	for _, k := range nowOrder {
		e := now[k]
		old, ok := was[k]
		switch {
		case !ok:
			ch.ClaimsAdded = append(ch.ClaimsAdded, e)
		case old.Status != e.Status:
			ch.StatusChanged = append(ch.StatusChanged, StatusChange{Entry: e, Was: old.Status})
		}
	}
	for _, k := range wasOrder {
		if _, ok := now[k]; !ok {
			ch.ClaimsRemoved = append(ch.ClaimsRemoved, was[k])
		}
	}

	type readKey struct {
		kind verify.Kind
		name string
	}
	reads := func(ims []verify.Implemented) (map[readKey]Read, []readKey) {
		m := map[readKey]Read{}
		var order []readKey
		for _, im := range ims {
			if !ownKnob(im) {
				continue
			}
			k := readKey{im.Kind, fold(im.Name)}
			if _, ok := m[k]; !ok {
				m[k] = Read{Kind: im.Kind, Name: verify.DisplayName(im.Kind, im.Name), At: im.At.Pos, Via: im.At.Via}
				order = append(order, k)
			}
		}
		return m, order
	}
	wasRead, wasReadOrder := reads(beforeReads)
	nowRead, nowReadOrder := reads(afterReads)
	for _, k := range nowReadOrder {
		if _, ok := wasRead[k]; !ok {
			ch.ReadsAdded = append(ch.ReadsAdded, nowRead[k])
		}
	}
	// docs that still name a knob, by the name's folded form
	docs := map[string][]verify.Pos{}
	for _, e := range after.Documented {
		if e.Status != verify.Verified && e.Status != verify.External && e.Status != verify.Ignored {
			docs[fold(e.Name)] = append(docs[fold(e.Name)], e.Doc)
		}
	}
	for _, k := range wasReadOrder {
		if _, ok := nowRead[k]; ok {
			continue
		}
		r := wasRead[k]
		ch.ReadsRemoved = append(ch.ReadsRemoved, r)
		if places := docs[k.name]; len(places) > 0 {
			ch.StillDocumented = append(ch.StillDocumented, Stale{Read: r, Docs: places})
		}
	}
	for _, list := range [][]Entry{ch.ClaimsAdded, ch.ClaimsRemoved} {
		sortEntries(list)
	}
	sort.SliceStable(ch.StatusChanged, func(i, j int) bool { return worse(ch.StatusChanged[i].Status, ch.StatusChanged[j].Status) })
	for _, list := range [][]Read{ch.ReadsAdded, ch.ReadsRemoved} {
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Kind != list[j].Kind {
				return list[i].Kind < list[j].Kind
			}
			return list[i].Name < list[j].Name
		})
	}
	return ch
}

// Summary counts the changes in a sentence.
func (ch Changes) Summary() string {
	return fmt.Sprintf("%d %s added, %d removed, %d changed status; %d %s added, %d removed.",
		len(ch.ClaimsAdded), plural(len(ch.ClaimsAdded), "claim", "claims"), len(ch.ClaimsRemoved), len(ch.StatusChanged),
		len(ch.ReadsAdded), plural(len(ch.ReadsAdded), "read site", "read sites"), len(ch.ReadsRemoved))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
