package planner

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Typed tables (CREATE TABLE ... OF composite_type).
//
// A typed table's columns are its type's attributes, and PostgreSQL
// changes them only through the type: ALTER TYPE ... ADD / DROP / ALTER
// ATTRIBUTE refuses while typed tables exist unless it says CASCADE, and
// then changes their columns too. So the planner alters the type with
// CASCADE and rewrites the current model's typed tables as the cascade
// leaves them (cascadeToTypedTables), and the table planning sees only
// what the tables have of their own (defaults, NOT NULL, constraints,
// storage ...).
//
// A table that stops being typed leaves its type first (ALTER TABLE ...
// NOT OF, before the type changes) and is then an ordinary table; one
// that becomes typed gets its columns to match the type's first and then
// ALTER TABLE ... OF, which checks that they do (same names, types and
// order).

// typedTablesOf lists the current tables of type q that stay tables of q
// in the desired model (the ones ALTER TYPE ... CASCADE reaches: the
// others are dropped or leave the type before it changes).
func (d *differ) typedTablesOf(q state.QualName) []state.QualName {
	var out []state.QualName
	for _, t := range d.from.Tables {
		if t.OfType == nil || *t.OfType != q {
			continue
		}
		if nt, ok := d.desiredTable(t.QualName()); ok && nt.OfType != nil && *nt.OfType == q {
			out = append(out, t.QualName())
		}
	}
	return out
}

// hasTypedTables reports whether a current table is of type q.
func (d *differ) hasTypedTables(q state.QualName) bool {
	for _, t := range d.from.Tables {
		if t.OfType != nil && *t.OfType == q {
			return true
		}
	}
	return false
}

// typedColumns names column col of each typed table, "schema.table.col".
func typedColumns(tables []state.QualName, col string) []string {
	out := make([]string, len(tables))
	for i, q := range tables {
		out[i] = q.String() + "." + col
	}
	return out
}

// cascadeToTypedTables rewrites the current model's tables of type q (the
// ones typedTablesOf lists) as ALTER TYPE ... CASCADE leaves them once
// old's attributes have become t's: dropped attributes' columns are gone,
// new ones are appended, changed ones have the new type and collation.
func (d *differ) cascadeToTypedTables(old, t state.Type, tables []state.QualName) {
	if len(tables) == 0 {
		return
	}
	// The cascade reaches the tables' partitions and inheritance
	// children too, whose columns are inherited.
	reached := map[state.QualName]bool{}
	for _, q := range tables {
		reached[q] = true
	}
	child := map[state.QualName]bool{}
	for grew := true; grew; {
		grew = false
		for _, tb := range d.from.Tables {
			if reached[tb.QualName()] {
				continue
			}
			for _, p := range tb.Parents() {
				if reached[p] {
					reached[tb.QualName()], child[tb.QualName()], grew = true, true, true
					break
				}
			}
		}
	}
	out := make([]state.Table, len(d.from.Tables))
	copy(out, d.from.Tables)
	for i, tb := range out {
		if !reached[tb.QualName()] {
			continue
		}
		var cols []state.Column
		for _, c := range tb.Columns {
			a, ok := typeAttribute(t, c.Name)
			if _, was := typeAttribute(old, c.Name); was && !ok && (!child[tb.QualName()] || c.Inherited) {
				continue // DROP ATTRIBUTE ... CASCADE
			}
			if ok {
				c.Type, c.Collation = a.Type, a.Collation
			}
			cols = append(cols, c)
		}
		for _, a := range t.Attributes {
			if _, ok := typeAttribute(old, a.Name); !ok {
				cols = append(cols, state.Column{Name: a.Name, Type: a.Type, Collation: a.Collation, Inherited: child[tb.QualName()]})
			}
		}
		out[i].Columns = cols
	}
	d.from.Tables = out
}

// typedTableRebuildError refuses to recreate composite type q while
// tables of it stay: its typed tables would have to be dropped with it
// (the columns of a typed table cannot be reordered), or leave the type.
func (d *differ) typedTableRebuildError(t state.Type, why string) bool {
	tables := d.typedTablesOf(t.QualName())
	if len(tables) == 0 {
		return false
	}
	names := make([]string, len(tables))
	for i, q := range tables {
		names[i] = q.String()
	}
	d.errs = append(d.errs, &UnsupportedChangeError{Object: t.Key(), Reason: fmt.Sprintf(
		"it would be recreated (%s), but tables of the type (%s) would have to be dropped with it: "+
			"keep the attributes in their order (new ones last), or make the tables ordinary ones first (ALTER TABLE ... NOT OF)",
		why, strings.Join(names, ", "))})
	return true
}

// typedTable plans ALTER TABLE ... NOT OF and OF when the type of a
// table changes: it leaves the old type before any column (and the type)
// changes, and joins the new one once its columns match the type's.
func (d *differ) typedTable(old, nw state.Table) {
	if sameType(old.OfType, nw.OfType) {
		return
	}
	q := nw.QualName()
	if old.OfType != nil {
		d.add(phaseDetach, tableKey(q), ActionAlter, sqlgen.NotOfType(q))
	}
	if nw.OfType == nil {
		return
	}
	// OF wants the columns in the type's order; the plan never reorders
	// columns, and appends the ones it adds.
	var order []string
	for _, c := range old.Columns {
		if _, ok := nw.Column(d.desiredColumnName(nw, c.Name)); ok {
			order = append(order, d.desiredColumnName(nw, c.Name))
		}
	}
	have := map[string]bool{}
	for _, n := range order {
		have[n] = true
	}
	for _, c := range nw.Columns {
		if !have[c.Name] {
			order = append(order, c.Name)
		}
	}
	for i, c := range nw.Columns {
		if order[i] != c.Name {
			d.errs = append(d.errs, &UnsupportedChangeError{Object: tableKey(q), Reason: fmt.Sprintf(
				"ALTER TABLE ... OF %s needs the table's columns in the type's order (%s), and renovate does not reorder columns; "+
					"recreate the table or reorder it by hand", sqlgen.Qual(*nw.OfType), strings.Join(columnNames(nw.Columns), ", "))})
			return
		}
	}
	d.add(phaseAttach, tableKey(q), ActionAlter, sqlgen.OfType(q, *nw.OfType))
}

func sameType(a, b *state.QualName) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func columnNames(cs []state.Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}
