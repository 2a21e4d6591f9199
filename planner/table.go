package planner

import (
	"reflect"
	"slices"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// desiredTable finds the desired table that corresponds to the remote
// table q: the one with that name, or one declared as renamed from it.
func (d *differ) desiredTable(q state.QualName) (state.Table, bool) {
	if d.renamedTables == nil {
		d.renamedTables = map[state.QualName]int{}
		for i, t := range d.to.Tables {
			if t.RenamedFrom != "" {
				k := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
				if _, dup := d.renamedTables[k]; !dup {
					d.renamedTables[k] = i
				}
			}
		}
	}
	if i, ok := d.renamedTables[q]; ok {
		return d.to.Tables[i], true
	}
	return d.to.Table(q)
}

// desiredColumnName maps a remote column name to its name in the desired
// table t (following renamed-from annotations).
func (d *differ) desiredColumnName(t state.Table, remote string) string {
	for _, c := range t.Columns {
		if c.RenamedFrom == remote {
			return c.Name
		}
	}
	return remote
}

func tableKey(q state.QualName) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindTable, Schema: q.Schema, Name: q.Name}
}

func memberKey(kind state.Kind, t state.QualName, name string) state.ObjectKey {
	return state.ObjectKey{Kind: kind, Schema: t.Schema, Table: t.Name, Name: name}
}

func (d *differ) tables() {
	fromOwned := sqlgen.OwnedSequences(d.from)
	toOwned := sqlgen.OwnedSequences(d.to)
	// Pointers, not copies of every table: at thousands of tables the
	// copies were megabytes.
	from := make(map[state.QualName]*state.Table, len(d.from.Tables))
	for i := range d.from.Tables {
		from[d.from.Tables[i].QualName()] = &d.from.Tables[i]
	}
	// A table whose partition key changes is dropped and created again,
	// with its partitions; parents are created before their children and
	// dropped after them.
	d.tableExt.recreated = d.recreatedTables()
	matched := map[state.QualName]bool{}
	var pairs [][2]*state.Table
	ordered := inheritanceOrder(d.to.Tables)
	for i, t := range ordered {
		q := t.QualName()
		old, ok := from[q]
		if ok && d.tableExt.recreated[q] {
			ok = false
		}
		if !ok && t.RenamedFrom != "" {
			prev := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
			if o, found := from[prev]; found {
				if _, clash := d.to.Table(prev); !clash {
					old, ok = o, true
					d.add(phaseRename, tableKey(q), ActionRename, sqlgen.RenameObject("TABLE", prev, t.Name))
				}
			}
		}
		if !ok {
			d.createTable(t, toOwned[q])
			continue
		}
		matched[old.QualName()] = true
		pairs = append(pairs, [2]*state.Table{old, &ordered[i]})
	}
	dropped := map[state.QualName]bool{}
	for _, t := range d.from.Tables {
		if !matched[t.QualName()] {
			dropped[t.QualName()] = true
		}
	}
	remoteOrder := inheritanceOrder(d.from.Tables)
	for i := len(remoteOrder) - 1; i >= 0; i-- {
		if t := remoteOrder[i]; dropped[t.QualName()] {
			d.dropTable(t, fromOwned[t.QualName()], dropped)
		}
	}
	d.planOnlyDrops(pairs)
	// Foreign keys that must be dropped and re-added because the unique
	// constraint they rely on is recreated.
	refRebuild := d.referencedKeysRebuilt(pairs)
	for _, p := range pairs {
		d.alterTable(*p[0], *p[1], fromOwned[p[0].QualName()], toOwned[p[1].QualName()], refRebuild)
	}
}

func (d *differ) createTable(t state.Table, owned []state.Sequence) {
	q := t.QualName()
	key := tableKey(q)
	d.change(key, ActionCreate, "", sqlgen.TableDefinition(t, owned, sqlgen.ParentTables(d.to, t)...))
	// Defaults and checks calling routines that need this table to be
	// created first come after it (cycle.go).
	later := d.desiredRefs().deferred(&t)
	var inline []state.Constraint
	for _, c := range t.Constraints {
		// Foreign keys come after every table exists (cycles); NOT VALID
		// only sticks when added by ALTER TABLE.
		if c.Kind == state.ConstraintForeignKey || c.NotValid || later.checks[c.Name] {
			continue
		}
		inline = append(inline, c)
	}
	created := sqlgen.WithoutInheritedGeneration(t, sqlgen.ParentTables(d.to, t))
	if len(later.defaults) > 0 {
		created.Columns = slices.Clone(created.Columns)
		for i, c := range created.Columns {
			if later.defaults[c.Name] {
				created.Columns[i].Default = ""
			}
		}
	}
	d.add(phaseCreateTable, key, ActionCreate, sqlgen.CreateTable(created, inline))
	for _, c := range t.Columns {
		if later.defaults[c.Name] {
			d.add(phaseAlterColumn, memberKey(state.KindColumn, q, c.Name), ActionAlter, sqlgen.SetDefault(q, c.Name, c.Default))
		}
	}
	d.createTableExtras(t)
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintForeignKey {
			d.add(phaseAddForeignKey, memberKey(state.KindConstraint, q, c.Name), ActionCreate, sqlgen.AddConstraint(t, c))
		} else if c.NotValid || later.checks[c.Name] {
			d.add(phaseAddConstraint, memberKey(state.KindConstraint, q, c.Name), ActionCreate, sqlgen.AddConstraint(t, c))
		}
	}
	for _, ix := range t.Indexes {
		d.add(phaseCreateIndex, memberKey(state.KindIndex, q, ix.Name), ActionCreate, sqlgen.CreateIndex(ix))
	}
	d.newTableSettings(t)
	d.tableComments(state.Table{Schema: t.Schema, Name: t.Name, Columns: commentless(t.Columns)}, t)
	for _, c := range t.Constraints {
		if c.Comment != "" {
			d.add(phaseComment, memberKey(state.KindConstraint, q, c.Name), ActionAlter,
				sqlgen.Comment("CONSTRAINT", sqlgen.QuoteIdent(c.Name)+" ON "+sqlgen.Qual(q), c.Comment))
		}
		d.constraintIndexComment(q, nil, c)
	}
	for _, ix := range t.Indexes {
		if ix.Comment != "" {
			d.add(phaseComment, memberKey(state.KindIndex, q, ix.Name), ActionAlter,
				sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, ix.Name), ix.Comment))
		}
	}
}

// commentless returns the columns with their comments removed, as the
// "before" side of a freshly created table's comments.
func commentless(cs []state.Column) []state.Column {
	out := make([]state.Column, len(cs))
	for i, c := range cs {
		c.Comment = ""
		out[i] = c
	}
	return out
}

func (d *differ) dropTable(t state.Table, owned []state.Sequence, dropped map[state.QualName]bool) {
	q := t.QualName()
	key := tableKey(q)
	d.change(key, ActionDrop, sqlgen.TableDefinition(t, owned, sqlgen.ParentTables(d.from, t)...), "")
	// A foreign key to another table that is dropped too would make the
	// drop order matter, and a cycle impossible: drop such keys first.
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintForeignKey && c.References != nil && *c.References != q && dropped[*c.References] {
			d.add(phaseDropForeignKey, memberKey(state.KindConstraint, q, c.Name), ActionDrop, sqlgen.DropConstraint(q, c.Name))
		}
	}
	if t.Foreign != nil {
		// A foreign table holds no rows of its own.
		d.add(phaseDropTable, key, ActionDrop, sqlgen.DropForeignTable(q))
		return
	}
	why := DropsTable
	if nt, ok := d.desiredTable(q); ok && d.tableExt.recreated[q] && foreignRecreated(t, nt) {
		// A table cannot become a foreign table in place.
		why = RecreatesAsForeignTable
	} else if d.tableExt.recreated[q] {
		// PostgreSQL cannot change a partition key in place.
		why = RecreatesForPartitioning
	}
	d.add(phaseDropTable, key, ActionDrop, sqlgen.DropTable(q), NewHazard(why, q))
}

// referencedKeysRebuilt returns, per remote table, whether one of its
// primary key or unique constraints is dropped or recreated: foreign keys
// pointing at such a table must be dropped first and added again after.
func (d *differ) referencedKeysRebuilt(pairs [][2]*state.Table) map[state.QualName]bool {
	out := map[state.QualName]bool{}
	for _, p := range pairs {
		old, nw := *p[0], *p[1]
		for _, c := range old.Constraints {
			if c.Kind != state.ConstraintPrimaryKey && c.Kind != state.ConstraintUnique {
				continue
			}
			n, ok := findConstraint(nw, d.desiredConstraintName(nw, c.Name))
			if !ok || n.Definition != c.Definition {
				out[old.QualName()] = true
			}
		}
	}
	return out
}

func (d *differ) desiredConstraintName(t state.Table, remote string) string {
	for _, c := range t.Constraints {
		if c.RenamedFrom == remote {
			return c.Name
		}
	}
	return remote
}

func findConstraint(t state.Table, name string) (state.Constraint, bool) {
	for _, c := range t.Constraints {
		if c.Name == name {
			return c, true
		}
	}
	return state.Constraint{}, false
}

// alterTable plans the changes inside a table that exists on both sides.
func (d *differ) alterTable(old, nw state.Table, oldOwned, newOwned []state.Sequence, refRebuild map[state.QualName]bool) {
	q := nw.QualName()
	nw = d.adoptUnchangeable(old, nw)
	nw = adoptOptionOrder(old, nw)
	nw = adoptForeignOptionOrder(old, nw)
	if tablesEqual(old, nw) && sequencesEqual(oldOwned, newOwned) && !d.fkNeedsRebuild(old, refRebuild) {
		return
	}
	oldDef := sqlgen.TableDefinition(old, oldOwned, sqlgen.ParentTables(d.from, old)...)
	newDef := sqlgen.TableDefinition(nw, newOwned, sqlgen.ParentTables(d.to, nw)...)
	if oldDef != newDef || old.Name != nw.Name {
		d.change(tableKey(q), ActionAlter, oldDef, newDef)
	}
	if old.Unlogged != nw.Unlogged {
		d.add(phaseAlterColumn, tableKey(q), ActionAlter, sqlgen.SetLogged(q, !nw.Unlogged),
			NewHazard(ChangesLogged, q))
	}
	d.typedTable(old, nw)
	withCopies := d.tableRelations(old, nw)
	d.columns(old, nw)
	d.constraints(withCopies, nw, refRebuild)
	d.indexes(old, nw)
	d.tableProps(old, nw)
	d.foreignTableOptions(old, nw)
	d.tableComments(old, nw)
}

// fkNeedsRebuild reports whether old has a foreign key to a table whose
// referenced key is recreated.
func (d *differ) fkNeedsRebuild(old state.Table, refRebuild map[state.QualName]bool) bool {
	for _, c := range old.Constraints {
		if c.Kind == state.ConstraintForeignKey && c.References != nil && refRebuild[*c.References] {
			return true
		}
	}
	return false
}

// tablesEqual compares two tables ignoring local-only annotations and the
// order of columns (which the planner never changes).
func tablesEqual(a, b state.Table) bool {
	a, b = stripAnnotations(a), stripAnnotations(b)
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	for _, c := range a.Columns {
		bc, ok := b.Column(c.Name)
		if !ok || !reflect.DeepEqual(c, bc) {
			return false
		}
	}
	a.Columns, b.Columns = nil, nil
	if len(a.Constraints) != len(b.Constraints) {
		return false
	}
	for i := range a.Constraints {
		if !constraintSatisfies(a.Constraints[i], b.Constraints[i]) || a.Constraints[i].Comment != b.Constraints[i].Comment ||
			a.Constraints[i].IndexComment != b.Constraints[i].IndexComment {
			return false
		}
	}
	a.Constraints, b.Constraints = nil, nil
	return reflect.DeepEqual(a, b)
}

// constraintSatisfies reports whether the remote constraint r already is
// what the desired constraint w asks for.
func constraintSatisfies(r, w state.Constraint) bool {
	return r.Name == w.Name && r.Kind == w.Kind && r.Definition == w.Definition && r.NotValid == w.NotValid
}

func stripAnnotations(t state.Table) state.Table {
	if !hasAnnotations(t) {
		// Nothing to strip: no copies (tablesEqual only reads).
		return t
	}
	t.RenamedFrom = ""
	t.Columns = append([]state.Column(nil), t.Columns...)
	for i := range t.Columns {
		t.Columns[i].RenamedFrom = ""
	}
	t.Constraints = append([]state.Constraint(nil), t.Constraints...)
	for i := range t.Constraints {
		t.Constraints[i].RenamedFrom = ""
	}
	t.Indexes = append([]state.Index(nil), t.Indexes...)
	for i := range t.Indexes {
		t.Indexes[i].RenamedFrom = ""
	}
	return t
}

// hasAnnotations reports whether t or one of its columns, constraints or
// indexes carries a rename annotation.
func hasAnnotations(t state.Table) bool {
	if t.RenamedFrom != "" {
		return true
	}
	for i := range t.Columns {
		if t.Columns[i].RenamedFrom != "" {
			return true
		}
	}
	for i := range t.Constraints {
		if t.Constraints[i].RenamedFrom != "" {
			return true
		}
	}
	for i := range t.Indexes {
		if t.Indexes[i].RenamedFrom != "" {
			return true
		}
	}
	return false
}

func sequencesEqual(a, b []state.Sequence) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// tableComments plans COMMENT statements for the table and its columns.
// Comments of constraints and indexes are planned with them.
func (d *differ) tableComments(old, nw state.Table) {
	q := nw.QualName()
	name := sqlgen.Qual(q)
	if old.Comment != nw.Comment {
		d.add(phaseComment, tableKey(q), ActionAlter, sqlgen.Comment(sqlgen.TableWord(nw), name, nw.Comment))
	}
	for _, c := range nw.Columns {
		oc, ok := old.Column(c.Name)
		if !ok && c.RenamedFrom != "" {
			oc, ok = old.Column(c.RenamedFrom)
		}
		if (ok && oc.Comment != c.Comment) || (!ok && c.Comment != "") {
			d.add(phaseComment, memberKey(state.KindColumn, q, c.Name), ActionAlter,
				sqlgen.Comment("COLUMN", name+"."+sqlgen.QuoteIdent(c.Name), c.Comment))
		}
	}
}
