package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// typeOrder orders types so each comes after the types it is built from
// (by name, among the given ones). A cycle cannot be created in
// PostgreSQL; should one appear, the rest keep name order.
func (d *differ) typeOrder(types []state.Type) []state.Type {
	byKey := map[state.ObjectKey]state.Type{}
	keys := make([]state.ObjectKey, 0, len(types))
	deps := map[state.ObjectKey][]state.ObjectKey{}
	for _, t := range types {
		k := t.Key()
		byKey[k] = t
		keys = append(keys, k)
		for _, ref := range t.TypeRefs() {
			if rq, ok := typeRefName(ref); ok {
				deps[k] = append(deps[k], state.ObjectKey{Kind: state.KindType, Schema: rq.Schema, Name: rq.Name})
			}
		}
	}
	ordered, err := topoOrder(keys, deps)
	if err != nil {
		seen := map[state.ObjectKey]bool{}
		for _, k := range ordered {
			seen[k] = true
		}
		for _, k := range keys {
			if !seen[k] {
				ordered = append(ordered, k)
			}
		}
	}
	out := make([]state.Type, len(ordered))
	for i, k := range ordered {
		out[i] = byKey[k]
	}
	return out
}

// typeRefName reads the user type a canonical type text names
// ("public.status", `app."My Type"[]`); false for built-in types, which
// are never qualified.
func typeRefName(ref string) (state.QualName, bool) {
	ref = strings.TrimRight(ref, "[]")
	parts, ok := splitQuotedIdents(ref)
	if !ok || len(parts) != 2 {
		return state.QualName{}, false
	}
	return state.QualName{Schema: parts[0], Name: parts[1]}, true
}

// splitQuotedIdents splits a dotted name of quoted or plain identifiers
// (canonical text, so plain ones are already lower case).
func splitQuotedIdents(s string) ([]string, bool) {
	var parts []string
	for len(s) > 0 {
		var part string
		if s[0] == '"' {
			var b strings.Builder
			i := 1
			for ; ; i++ {
				if i >= len(s) {
					return nil, false
				}
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i++
						continue
					}
					break
				}
				b.WriteByte(s[i])
			}
			part, s = b.String(), s[i+1:]
		} else {
			end := strings.IndexByte(s, '.')
			if end < 0 {
				end = len(s)
			}
			part, s = s[:end], s[end:]
			if part == "" || strings.ContainsAny(part, " ()") {
				return nil, false
			}
		}
		parts = append(parts, part)
		if s == "" {
			break
		}
		if s[0] != '.' {
			return nil, false
		}
		s = s[1:]
	}
	return parts, len(parts) > 0
}

// deferNewEnumValueUsers runs after the steps are ordered. PostgreSQL
// refuses to use an enum value in the transaction that added it ("unsafe
// use of new value"): a default, check or index mentioning it would fail.
// When a step mentions a value added by ALTER TYPE ... ADD VALUE, that
// ADD VALUE and every step from the first user on run outside the plan's
// transaction, after it commits, in plan order, and say so.
func (d *differ) deferNewEnumValueUsers() {
	if len(d.typePlan.newLabels) == 0 {
		return
	}
	first := -1
	var adders []int
	for _, nl := range d.typePlan.newLabels {
		add := sqlgen.AddEnumValue(nl.typ, nl.label, "", "")
		add = strings.TrimSuffix(add, ";\n")
		lit := sqlgen.QuoteLiteral(nl.label)
		at := -1
		for i, s := range d.steps {
			if at < 0 {
				if strings.HasPrefix(s.SQL, add) {
					at = i
					adders = append(adders, i)
				}
				continue
			}
			if strings.HasPrefix(s.SQL, "ALTER TYPE ") && strings.Contains(s.SQL, " ADD VALUE ") {
				continue // placing a value next to a new one is no use of it
			}
			if strings.Contains(s.SQL, lit) && (first < 0 || i < first) {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return
	}
	for _, i := range adders {
		d.deferStep(i, "it adds an enum value that later steps use, and PostgreSQL refuses to use a new enum value in the transaction that adds it")
	}
	for i := first; i < len(d.steps); i++ {
		d.deferStep(i, "it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it)")
	}
}

// deferStep makes step i non-transactional, with a hazard saying why.
func (d *differ) deferStep(i int, why string) {
	s := &d.steps[i]
	if !s.Transactional {
		return
	}
	s.Transactional = false
	s.Hazards = append(s.Hazards, notTransactional(why))
}
