package parser

import (
	"sort"

	"github.com/renovate-pg/renovate/state"
)

// This file resolves partitioning, inheritance and storage (table_partitioning_storage.go)
// once every file is read. A child table (partition or inheritance child)
// gets its parents' columns by state.InheritedColumn: first their
// structure, right after the tables are defined, so later passes see every
// column; then, once the parents' defaults and NOT NULLs are final, the
// properties the child does not set itself.

// tableInfo is what the resolver knows about one table's partitioning and
// inheritance.
type tableInfo struct {
	key   *partKey
	bound *partBound
	// attached says the table became a partition or child by ALTER TABLE
	// (ATTACH PARTITION / INHERIT): its columns keep their own properties,
	// PostgreSQL copies nothing.
	attached bool
	// own records, per column, which properties the table sets itself
	// rather than getting them from its parents.
	own map[string]*ownProps
}

// ownProps are the properties a child's column sets itself.
type ownProps struct {
	dflt, notNull, storage, compression bool
}

// tableExtState is the resolver's partitioning and inheritance state.
type tableExtState struct {
	info map[state.QualName]*tableInfo
	// order lists the child tables, parents first (inheritStructure); a
	// child whose parents are missing or form a cycle is left out.
	order []state.QualName
}

// info returns the table's tableInfo, creating it.
func (r *resolver) info(q state.QualName) *tableInfo {
	if r.tableExt.info == nil {
		r.tableExt.info = map[state.QualName]*tableInfo{}
	}
	ti := r.tableExt.info[q]
	if ti == nil {
		ti = &tableInfo{own: map[string]*ownProps{}}
		r.tableExt.info[q] = ti
	}
	return ti
}

// ownOf returns the own properties of a column.
func (ti *tableInfo) ownOf(col string) *ownProps {
	o := ti.own[col]
	if o == nil {
		o = &ownProps{}
		ti.own[col] = o
	}
	return o
}

// dropColumnCmd applies ALTER TABLE ... DROP COLUMN in statement order,
// among the ADD COLUMNs of pass 1b.
func (r *resolver) dropColumnCmd(te *tableEntry, c *alterCmd) {
	if te == nil || c.ext == nil || c.ext.dropColumn == "" {
		return
	}
	name := c.ext.dropColumn
	for i, col := range te.t.Columns {
		if col.Name == name {
			te.t.Columns = append(te.t.Columns[:i:i], te.t.Columns[i+1:]...)
			delete(r.locs, state.ObjectKey{Kind: state.KindColumn, Schema: te.t.Schema, Table: te.t.Name, Name: name})
			return
		}
	}
	if !c.ext.dropMissingOK {
		r.errs.semantic(c.loc, "ALTER TABLE DROP COLUMN: column %s of table %s does not exist", name, te.t.QualName())
	}
}

// inheritStructure is pass 1c: partition keys, parents (CREATE TABLE ...
// PARTITION OF / INHERITS, ALTER TABLE ... ATTACH PARTITION / INHERIT),
// storage parameters of CREATE TABLE, and the columns children get from
// their parents.
func (r *resolver) inheritStructure(items []any) {
	for _, it := range items {
		switch d := it.(type) {
		case *tableDef:
			te := r.tables[d.name]
			if te == nil || r.locs[te.t.Key()] != d.loc {
				continue
			}
			ti := r.info(d.name)
			ti.key, ti.bound = d.ext.partKey, d.ext.bound
			te.t.PartitionOf = d.ext.partOf
			te.t.Inherits = append([]state.QualName(nil), d.ext.inherits...)
			te.t.Options = append([]string(nil), d.ext.options...)
			te.t.Tablespace = d.ext.tablespace
			te.t.AccessMethod = d.ext.accessMethod
			for _, c := range d.columns {
				s := c.summary()
				o := ti.ownOf(s.name)
				o.dflt = s.hasDefault || c.serial != ""
				o.notNull = s.notNull
				o.storage = s.hasStorage
				o.compression = s.hasCompression
			}
		case *alterTableDef:
			for _, c := range d.cmds {
				if c.ext == nil {
					continue
				}
				switch {
				case c.ext.attach != nil:
					r.attachPartition(d, c)
				case c.ext.inherit != nil:
					te := r.tables[d.table]
					if te == nil {
						continue // reported in pass 2
					}
					for _, p := range te.t.Inherits {
						if p == *c.ext.inherit {
							r.errs.semantic(c.loc, "relation %s would be inherited from more than once", p)
						}
					}
					te.t.Inherits = append(te.t.Inherits, *c.ext.inherit)
					r.info(d.table).attached = true
				}
			}
		}
	}
	r.tableExt.order = r.inheritanceOrder()
	for _, q := range r.tableExt.order {
		r.inheritColumns(r.tables[q])
	}
}

// attachPartition applies ALTER TABLE parent ATTACH PARTITION child.
func (r *resolver) attachPartition(d *alterTableDef, c alterCmd) {
	if r.tables[d.table] == nil {
		return // reported in pass 2
	}
	a := c.ext.attach
	child := r.table(a.child, c.loc, "ATTACH PARTITION")
	if child == nil {
		return
	}
	if child.t.IsChild() {
		r.errs.semantic(c.loc, "ATTACH PARTITION: table %s already has a parent", a.child)
		return
	}
	parent := d.table
	child.t.PartitionOf = &parent
	ti := r.info(a.child)
	ti.bound, ti.attached = a.bound, true
}

// inheritanceOrder returns the tables with parents, parents first,
// reporting parents defined nowhere and cycles; such a table and its
// children are left out.
func (r *resolver) inheritanceOrder() []state.QualName {
	var children []state.QualName
	for q, te := range r.tables {
		if te.t.IsChild() {
			children = append(children, q)
		}
	}
	sort.Slice(children, func(i, j int) bool { return children[i].Less(children[j]) })
	var order []state.QualName
	const visiting, done, failed = 1, 2, 3
	mark := map[state.QualName]int{}
	var visit func(q state.QualName) bool
	visit = func(q state.QualName) bool {
		switch mark[q] {
		case visiting:
			r.errs.semantic(r.locs[state.ObjectKey{Kind: state.KindTable, Schema: q.Schema, Name: q.Name}], "table %s inherits from itself through its parents", q)
			mark[q] = failed
			return false
		case done:
			return true
		case failed:
			return false
		}
		mark[q] = visiting
		te := r.tables[q]
		for _, p := range te.t.Parents() {
			if r.tables[p] == nil {
				r.errs.semantic(r.locs[te.t.Key()], "table %s: parent table %s is defined nowhere", q, p)
				mark[q] = failed
				return false
			}
			if !visit(p) {
				mark[q] = failed
				return false
			}
		}
		mark[q] = done
		if te.t.IsChild() {
			order = append(order, q)
		}
		return true
	}
	for _, q := range children {
		visit(q)
	}
	return order
}

// parentsOf returns the parent tables of t.
func (r *resolver) parentsOf(t state.Table) []state.Table {
	var out []state.Table
	for _, p := range t.Parents() {
		if pe := r.tables[p]; pe != nil {
			out = append(out, pe.t)
		}
	}
	return out
}

// inheritColumns gives a child its parents' columns, first, in their
// order, followed by its own. A column the child declares too is merged
// with the inherited one (it must have the same type) and stays the
// child's own, as PostgreSQL marks it attislocal; every column of a
// partition counts as inherited.
func (r *resolver) inheritColumns(te *tableEntry) {
	q := te.t.QualName()
	ti := r.info(q)
	loc := r.locs[te.t.Key()]
	parents := r.parentsOf(te.t)
	for _, p := range parents {
		if te.t.PartitionOf != nil && p.PartitionBy == "" && r.info(p.QualName()).key == nil {
			r.errs.semantic(loc, "table %s: %s is not partitioned, so it cannot have partitions", q, p.QualName())
			return
		}
		if te.t.PartitionOf == nil && r.info(p.QualName()).key != nil {
			r.errs.semantic(loc, "table %s cannot inherit from partitioned table %s", q, p.QualName())
			return
		}
	}
	var cols []state.Column
	taken := map[string]bool{}
	for _, name := range state.InheritedColumnNames(parents) {
		inh, _ := state.InheritedColumn(parents, name)
		taken[name] = true
		local, declared := te.t.Column(name)
		if !declared {
			if ti.attached {
				r.errs.semantic(loc, "table %s: child table is missing column %s of its parent", q, name)
				continue
			}
			cols = append(cols, inh)
			continue
		}
		if local.Type != inh.Type || local.Collation != inh.Collation {
			r.errs.semantic(loc, "table %s: column %s has a type or collation conflict with its parent (%s vs %s)", q, name, local.Type, inh.Type)
			continue
		}
		merged := local
		merged.Inherited = te.t.PartitionOf != nil
		merged.NotNull = local.NotNull || inh.NotNull
		// A child's own generation expression stays (PostgreSQL 16 and
		// later let it differ from the parent's, and up to 15 a child may
		// generate a column that is plain in its parent); without one it
		// generates the column as the parent does.
		if merged.Generated == "" {
			merged.Generated = inh.Generated
		}
		cols = append(cols, merged)
	}
	for _, c := range te.t.Columns {
		if taken[c.Name] {
			continue
		}
		if te.t.PartitionOf != nil {
			r.errs.semantic(loc, "table %s contains column %s not found in parent %s", q, c.Name, *te.t.PartitionOf)
			continue
		}
		cols = append(cols, c)
	}
	te.t.Columns = cols
	if ti.attached {
		// ATTACH and INHERIT copy nothing: every column keeps its own
		// default, storage and compression.
		for _, c := range cols {
			o := ti.ownOf(c.Name)
			o.dflt, o.storage, o.compression = true, true, true
		}
	}
}

// partitionOverrides applies PARTITION OF's column options, which need the
// inherited columns.
func (r *resolver) partitionOverrides(items []any) {
	for _, it := range items {
		d, ok := it.(*tableDef)
		if !ok || len(d.ext.overrides) == 0 {
			continue
		}
		te := r.tables[d.name]
		if te == nil || r.locs[te.t.Key()] != d.loc {
			continue
		}
		ti := r.info(d.name)
		for _, o := range d.ext.overrides {
			what := "partition column option"
			if d.ofType != nil {
				what = "typed table column option"
			}
			col := r.column(te, o.column, o.loc, what)
			if col == nil {
				continue
			}
			own := ti.ownOf(o.column)
			if o.dflt != nil {
				col.Default, own.dflt = *o.dflt, true
			}
			if o.notNull {
				col.NotNull, own.notNull = true, true
			}
		}
	}
}
