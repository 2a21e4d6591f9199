package planner

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// collations plans CREATE and DROP COLLATION. A collation cannot be
// altered (ALTER COLLATION only refreshes its version or renames it), so a
// changed one is recreated: dropped and created when nothing uses it;
// otherwise renamed out of the way, created, and the columns and types
// using it moved onto the new one (the remote model is rewritten as after
// the rename, so table and type planning see their collation change), and
// the old one dropped last.
func (d *differ) collations() {
	from := map[state.QualName]state.Collation{}
	for _, c := range d.from.Collations {
		from[c.QualName()] = c
	}
	desired := map[state.QualName]bool{}
	leftovers := map[state.QualName]bool{}
	for _, c := range d.to.Collations {
		q := c.QualName()
		desired[q] = true
		old, ok := from[q]
		if ok && sameCollation(old, c) {
			if old.Comment != c.Comment {
				d.change(c.Key(), ActionAlter, sqlgen.CollationDefinition(old), sqlgen.CollationDefinition(c))
				d.add(phaseComment, c.Key(), ActionAlter, sqlgen.Comment("COLLATION", sqlgen.Qual(q), c.Comment))
			}
			continue
		}
		if ok {
			d.change(c.Key(), ActionAlter, sqlgen.CollationDefinition(old), sqlgen.CollationDefinition(c))
			if tmp := d.replaceCollation(old); tmp != "" {
				leftovers[state.QualName{Schema: q.Schema, Name: tmp}] = true
			}
		} else {
			d.change(c.Key(), ActionCreate, "", sqlgen.CollationDefinition(c))
		}
		d.add(phaseCollation, c.Key(), ActionCreate, sqlgen.CreateCollation(c))
		if c.Comment != "" {
			d.add(phaseComment, c.Key(), ActionAlter, sqlgen.Comment("COLLATION", sqlgen.Qual(q), c.Comment))
		}
	}
	for _, c := range d.from.Collations {
		if desired[c.QualName()] {
			continue
		}
		if !leftovers[c.QualName()] {
			d.change(c.Key(), ActionDrop, sqlgen.CollationDefinition(c), "")
		}
		d.add(phaseDropCollation, c.Key(), ActionDrop, sqlgen.DropCollation(c.QualName()))
	}
}

// sameCollation compares two collations ignoring their comments and
// whether they are usable in any encoding: that only matters to other
// databases, and pg_dump prints a copy of "POSIX" as a collation of locale
// POSIX (of the database's encoding), which must not recreate it.
func sameCollation(a, b state.Collation) bool {
	a.Comment, b.Comment = "", ""
	a.AnyEncoding, b.AnyEncoding = false, false
	return a == b
}

// replaceCollation gets the remote collation old out of the way of its
// replacement: dropped at once when nothing uses it, else renamed (and
// dropped at the end, once its users are moved); it returns the temporary
// name, if any.
func (d *differ) replaceCollation(old state.Collation) string {
	q := old.QualName()
	users := d.collationUsers(sqlgen.Qual(q))
	if len(users) == 0 {
		d.add(phaseCollation, old.Key(), ActionDrop, sqlgen.DropCollation(q))
		return ""
	}
	tmp := d.freeCollationName(q.Schema, clipTypeName(q.Name, 63-len(oldTypeSuffix))+oldTypeSuffix)
	d.add(phaseRename, old.Key(), ActionRename, sqlgen.RenameCollation(q, tmp),
		NewHazard(RecreatesCollation, q, strings.Join(users, ", ")))
	tq := state.QualName{Schema: q.Schema, Name: tmp}
	oldT, newT := sqlgen.Qual(q), sqlgen.Qual(tq)
	w := modelRewriter{
		text:     func(t string) string { return replaceName(t, oldT, newT, false) },
		typeText: func(t string) string { return t },
		key:      func(k state.ObjectKey) state.ObjectKey { return k },
		schema:   func(s string) string { return s },
	}
	d.from = w.apply(d.from)
	for i := range d.from.Collations {
		if d.from.Collations[i].QualName() == q {
			d.from.Collations[i].Name = tmp
		}
	}
	d.from.Normalize()
	return tmp
}

// collationUsers lists the remote columns, types and type attributes with
// the collation named coll (SQL text).
func (d *differ) collationUsers(coll string) []string {
	var out []string
	for _, t := range d.from.Tables {
		for _, c := range t.Columns {
			if c.Collation == coll {
				out = append(out, "column "+t.QualName().String()+"."+c.Name)
			}
		}
	}
	for _, t := range d.from.Types {
		if t.Collation == coll {
			out = append(out, "type "+t.QualName().String())
		}
		for _, a := range t.Attributes {
			if a.Collation == coll {
				out = append(out, "attribute "+t.QualName().String()+"."+a.Name)
			}
		}
	}
	return out
}

// freeCollationName returns name, or name with a number, unused by any
// collation on either side.
func (d *differ) freeCollationName(schema, name string) string {
	used := func(n string) bool {
		for _, s := range []state.DatabaseSchema{d.from, d.to} {
			for _, c := range s.Collations {
				if c.Schema == schema && c.Name == n {
					return true
				}
			}
		}
		return false
	}
	cand := name
	for i := 1; used(cand); i++ {
		suffix := fmt.Sprint(i)
		cand = clipTypeName(name, 63-len(suffix)) + suffix
	}
	return cand
}
