package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// usingIndexConstraints gives ADD CONSTRAINT ... PRIMARY KEY / UNIQUE
// USING INDEX its columns from the index, as PostgreSQL does: the index
// becomes the constraint's (renamed to the constraint's name when one is
// given) and is no index of its own any more. It returns items without the
// consumed CREATE INDEX statements.
func (r *resolver) usingIndexConstraints(items []any) []any {
	consumed := map[*indexDef]bool{}
	for _, it := range items {
		a, ok := it.(*alterTableDef)
		if !ok {
			continue
		}
		for _, cmd := range a.cmds {
			for _, c := range cmd.addCons {
				if c.usingIndex == "" {
					continue
				}
				ix := findIndexDef(items, state.QualName{Schema: c.table.Schema, Name: c.usingIndex})
				if ix == nil || consumed[ix] {
					r.errs.semantic(c.loc, "constraint USING INDEX: index %s.%s is defined nowhere", c.table.Schema, c.usingIndex)
					continue
				}
				if ix.table != c.table {
					r.errs.semantic(c.loc, "constraint USING INDEX: index %s does not belong to table %s", c.usingIndex, c.table)
					continue
				}
				if r.indexConstraint(c, ix) {
					consumed[ix] = true
				}
			}
		}
	}
	if len(consumed) == 0 {
		return items
	}
	out := make([]any, 0, len(items))
	for _, it := range items {
		if ix, ok := it.(*indexDef); ok && consumed[ix] {
			continue
		}
		out = append(out, it)
	}
	return out
}

// findIndexDef finds CREATE INDEX with the explicit name q.
func findIndexDef(items []any, q state.QualName) *indexDef {
	for _, it := range items {
		if ix, ok := it.(*indexDef); ok && ix.name == q.Name && ix.table.Schema == q.Schema {
			return ix
		}
	}
	return nil
}

// indexConstraint fills a USING INDEX constraint from its index, with
// PostgreSQL's checks: a unique btree index of plain columns, not partial.
func (r *resolver) indexConstraint(c *conDef, ix *indexDef) bool {
	st := ix.stmt
	fail := func(msg string) bool {
		r.errs.semantic(c.loc, "constraint USING INDEX %s: %s", c.usingIndex, msg)
		return false
	}
	switch {
	case !st.Unique:
		return fail("index is not a unique index")
	case st.WhereClause != nil:
		return fail("cannot create a primary key or unique constraint using a partial index")
	case st.AccessMethod != "btree":
		return fail("index is not a btree")
	case st.NullsNotDistinct && c.kind == state.ConstraintPrimaryKey:
		return fail("a primary key cannot use a NULLS NOT DISTINCT index")
	}
	var keys, include []string
	for _, n := range st.IndexParams {
		ie := n.GetIndexElem()
		if ie == nil || ie.Name == "" {
			return fail("index contains expressions")
		}
		if len(ie.Opclass) > 0 || len(ie.Collation) > 0 ||
			ie.Ordering != pg_query.SortByDir_SORTBY_DEFAULT || ie.NullsOrdering != pg_query.SortByNulls_SORTBY_NULLS_DEFAULT {
			return fail("index does not have default sorting behavior")
		}
		keys = append(keys, ie.Name)
	}
	for _, n := range st.IndexIncludingParams {
		if ie := n.GetIndexElem(); ie != nil && ie.Name != "" {
			include = append(include, ie.Name)
		}
	}
	if c.name == "" {
		c.name = c.usingIndex
	}
	var b strings.Builder
	if c.kind == state.ConstraintPrimaryKey {
		b.WriteString("PRIMARY KEY ")
	} else {
		b.WriteString("UNIQUE ")
		if st.NullsNotDistinct {
			b.WriteString("NULLS NOT DISTINCT ")
		}
		c.nameCols = append(append([]string(nil), keys...), include...)
	}
	b.WriteString("(" + quoteIdentList(keys) + ")")
	if len(include) > 0 {
		b.WriteString(" INCLUDE (" + quoteIdentList(include) + ")")
	}
	if len(st.Options) > 0 {
		with, err := formatRelOptions(st.Options)
		if err != nil {
			return fail(err.Error())
		}
		b.WriteString(" WITH (" + with + ")")
	}
	if st.TableSpace != "" {
		b.WriteString(" USING INDEX TABLESPACE " + quoteIdent(st.TableSpace))
	}
	c.keys, c.body = keys, b.String()
	return true
}

// inheritProperties is pass 2b, after the column changes of pass 2: the
// ALTER TABLE sub-commands of table_partitioning_storage.go in statement order, then the
// properties children get from their parents, then partition keys and
// bounds.
func (r *resolver) inheritProperties(items []any) {
	r.partitionOverrides(items)
	for _, it := range items {
		a, ok := it.(*alterTableDef)
		if !ok {
			continue
		}
		te := r.tables[a.table]
		if te == nil {
			continue // reported in pass 2
		}
		ti := r.info(a.table)
		for _, c := range a.cmds {
			switch {
			case c.setDefault != nil:
				ti.ownOf(c.setDefault.column).dflt = true
			case c.setNotNull != nil:
				ti.ownOf(c.setNotNull.column).notNull = true
			case c.ext != nil:
				r.alterExtCmd(te, ti, c)
			}
		}
	}
	for _, q := range r.tableExt.order {
		r.inheritProps(r.tables[q])
	}
	r.partitionTexts()
}

// alterExtCmd applies one table_partitioning_storage.go sub-command (other than those of
// pass 1).
func (r *resolver) alterExtCmd(te *tableEntry, ti *tableInfo, c alterCmd) {
	e := c.ext
	column := func(name, what string) *state.Column { return r.column(te, name, c.loc, what) }
	switch {
	case e.dropDefault != "":
		if col := column(e.dropDefault, "ALTER COLUMN DROP DEFAULT"); col != nil {
			col.Default = ""
			ti.ownOf(col.Name).dflt = true
		}
	case e.dropNotNull != "":
		if col := column(e.dropNotNull, "ALTER COLUMN DROP NOT NULL"); col != nil {
			if col.Identity != "" {
				r.errs.semantic(c.loc, "column %s of table %s is an identity column", col.Name, te.t.QualName())
				return
			}
			if te.pk != nil {
				for _, k := range te.pk {
					if k == col.Name {
						r.errs.semantic(c.loc, "column %s of table %s is in a primary key", col.Name, te.t.QualName())
						return
					}
				}
			}
			col.NotNull = false
			ti.ownOf(col.Name).notNull = false
		}
	case e.storage != nil:
		if col := column(e.storage.column, "ALTER COLUMN SET STORAGE"); col != nil {
			col.Storage = canonicalStorage(col.Type, e.storage.value)
			ti.ownOf(col.Name).storage = true
		}
	case e.compression != nil:
		if col := column(e.compression.column, "ALTER COLUMN SET COMPRESSION"); col != nil {
			col.Compression = e.compression.value
			ti.ownOf(col.Name).compression = true
		}
	case e.setOptions != nil:
		for _, o := range e.setOptions {
			te.t.Options = setRelOption(te.t.Options, o)
		}
	case e.resetOptions != nil:
		for _, o := range e.resetOptions {
			te.t.Options = dropRelOption(te.t.Options, o)
		}
	case e.tablespace != nil:
		te.t.Tablespace = *e.tablespace
	case e.replicaIdent != nil:
		te.t.ReplicaIdentity = *e.replicaIdent
	}
}

// inheritProps sets the properties of a child's columns that it does not
// set itself from its parents, whose own are final (parents come first).
func (r *resolver) inheritProps(te *tableEntry) {
	ti := r.info(te.t.QualName())
	parents := r.parentsOf(te.t)
	for i := range te.t.Columns {
		c := &te.t.Columns[i]
		inh, ok := state.InheritedColumn(parents, c.Name)
		if !ok {
			continue
		}
		own := ti.ownOf(c.Name)
		if !own.dflt && c.Identity == "" && c.Generated == "" {
			c.Default = inh.Default
		}
		c.NotNull = c.NotNull || inh.NotNull
		if !own.storage {
			c.Storage = inh.Storage
		}
		if !own.compression {
			c.Compression = inh.Compression
		}
	}
}

// partitionTexts prints every partition key and bound now that columns and
// their types are final.
func (r *resolver) partitionTexts() {
	for q, ti := range r.tableExt.info {
		te := r.tables[q]
		if te == nil {
			continue
		}
		loc := r.locs[te.t.Key()]
		if ti.key != nil {
			for _, c := range ti.key.columns() {
				if _, ok := te.t.Column(c); c != "" && !ok {
					r.errs.semantic(loc, "table %s: column %s named in partition key does not exist", q, c)
				}
			}
			text, err := ti.key.text(&te.t)
			if err != nil {
				r.errs.semantic(loc, "table %s: partition key: %v", q, err)
			}
			te.t.PartitionBy = text
		}
		if ti.bound == nil || te.t.PartitionOf == nil {
			continue
		}
		parent := r.tables[*te.t.PartitionOf]
		pi := r.tableExt.info[*te.t.PartitionOf]
		if parent == nil || pi == nil || pi.key == nil {
			continue // reported in pass 1c
		}
		want := map[string]string{"RANGE": "r", "LIST": "l", "HASH": "h"}[pi.key.strategy]
		if !ti.bound.isDefault && ti.bound.strategy != want {
			r.errs.semantic(loc, "table %s: invalid bound specification for a %s partition", q, strings.ToLower(pi.key.strategy))
			continue
		}
		if ti.bound.isDefault && pi.key.strategy == "HASH" {
			r.errs.semantic(loc, "table %s: a hash-partitioned table may not have a default partition", q)
			continue
		}
		var types []string
		for _, c := range pi.key.columns() {
			col, _ := parent.t.Column(c)
			types = append(types, col.Type)
		}
		if ti.bound.strategy == "r" && len(ti.bound.lower) != len(types) {
			r.errs.semantic(loc, "table %s: FROM must specify exactly one value per partitioning column", q)
			continue
		}
		te.t.PartitionBound = ti.bound.text(types)
	}
}

// tableExtFinish is the pass after indexes: the partitions' copies of
// their parents' indexes named by ALTER INDEX ... ATTACH PARTITION are left
// out, and a replica identity index must be an index of the table. (A
// child's CHECK constraint that has the name of one its parents pass on
// merges with it, PostgreSQL checking that they are the same; it stays the
// child's own too, as the catalog lists it.)
func (r *resolver) tableExtFinish(items []any) {
	for _, it := range items {
		if d, ok := it.(*indexAttachDef); ok {
			r.dropIndexCopy(d)
		}
	}
	for q, te := range r.tables {
		if idx, ok := strings.CutPrefix(te.t.ReplicaIdentity, "index "); ok {
			ref, found := r.indexes[state.QualName{Schema: q.Schema, Name: idx}]
			if !found || ref.table != q.Name {
				r.errs.semantic(r.locs[te.t.Key()], "table %s: REPLICA IDENTITY USING INDEX: index %s of the table is defined nowhere", q, idx)
			}
		}
	}
}

// dropIndexCopy removes the index (or index-backed constraint) an ALTER
// INDEX ... ATTACH PARTITION names from its partition.
func (r *resolver) dropIndexCopy(d *indexAttachDef) {
	ref, ok := r.indexes[d.child]
	if !ok {
		r.errs.semantic(d.loc, "ALTER INDEX ATTACH PARTITION: index %s is defined nowhere", d.child)
		return
	}
	te := r.tables[state.QualName{Schema: d.child.Schema, Name: ref.table}]
	if te == nil {
		return
	}
	if te.t.PartitionOf == nil {
		r.errs.semantic(d.loc, "ALTER INDEX ATTACH PARTITION: table %s.%s of index %s is no partition", d.child.Schema, ref.table, d.child.Name)
		return
	}
	if ref.constraint {
		kept := te.t.Constraints[:0]
		for _, c := range te.t.Constraints {
			if c.Name != d.child.Name {
				kept = append(kept, c)
			}
		}
		te.t.Constraints = kept
		return
	}
	kept := te.t.Indexes[:0]
	for _, ix := range te.t.Indexes {
		if ix.Name != d.child.Name {
			kept = append(kept, ix)
		}
	}
	te.t.Indexes = kept
}
