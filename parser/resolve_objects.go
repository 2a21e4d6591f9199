package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// constraints is pass 3. Primary keys are collected first (a foreign key
// without a column list references its table's primary key, wherever that is
// declared); then constraints are named and finished in statement order,
// within a CREATE TABLE in the order PostgreSQL names them: CHECK
// constraints, the primary key, UNIQUE and EXCLUDE constraints, foreign
// keys.
func (r *resolver) constraints(items []any) {
	var all [][]*conDef
	for _, it := range items {
		switch d := it.(type) {
		case *tableDef:
			if te := r.tables[d.name]; te != nil && r.locs[te.t.Key()] == d.loc {
				all = append(all, d.cons)
			}
		case *alterTableDef:
			if r.tables[d.table] == nil {
				continue // reported in pass 2
			}
			for _, c := range d.cmds {
				if len(c.addCons) > 0 {
					all = append(all, c.addCons)
				}
			}
		}
	}
	for _, cons := range all {
		for _, c := range cons {
			if c.kind != state.ConstraintPrimaryKey {
				continue
			}
			te := r.tables[c.table]
			if te.pk != nil {
				r.errs.semantic(c.loc, "multiple primary keys for table %s are not allowed", c.table)
				continue
			}
			te.pk = c.keys
		}
	}
	order := []func(state.ConstraintKind) bool{
		func(k state.ConstraintKind) bool { return k == state.ConstraintCheck },
		func(k state.ConstraintKind) bool { return k == state.ConstraintPrimaryKey },
		func(k state.ConstraintKind) bool {
			return k == state.ConstraintUnique || k == state.ConstraintExclusion
		},
		func(k state.ConstraintKind) bool { return k == state.ConstraintForeignKey },
	}
	for _, cons := range all {
		for _, phase := range order {
			for _, c := range cons {
				if phase(c.kind) {
					r.finishConstraint(c)
				}
			}
		}
	}
	// A primary key makes its columns NOT NULL.
	for _, te := range r.tables {
		for _, name := range te.pk {
			for i := range te.t.Columns {
				if te.t.Columns[i].Name == name {
					te.t.Columns[i].NotNull = true
				}
			}
		}
	}
	r.partitionsNotNull()
}

// partitionsNotNull makes a partition's column NOT NULL where its parent's
// is, the NOT NULL a parent's primary key implies included: PostgreSQL
// does so when it creates or attaches the partition (and refuses to drop
// it there), however the partition was declared. Inheritance children
// (INHERITS) get their parents' NOT NULL when their columns are made, not
// the one a primary key implies later, and are left alone here.
func (r *resolver) partitionsNotNull() {
	done := map[*tableEntry]bool{}
	var walk func(te *tableEntry)
	walk = func(te *tableEntry) {
		if done[te] {
			return
		}
		done[te] = true
		if te.t.PartitionOf == nil {
			return
		}
		parent := r.tables[*te.t.PartitionOf]
		if parent == nil {
			return
		}
		walk(parent)
		for i, c := range te.t.Columns {
			if pc, ok := parent.t.Column(c.Name); ok && pc.NotNull {
				te.t.Columns[i].NotNull = true
			}
		}
	}
	for _, te := range r.tables {
		walk(te)
	}
}

// finishConstraint names a constraint, completes its definition and adds
// it to its table.
func (r *resolver) finishConstraint(c *conDef) {
	te := r.tables[c.table]
	q := c.table
	ns := r.ns(q.Schema)
	name := c.name
	if name == "" {
		switch c.kind {
		case state.ConstraintPrimaryKey:
			name = ns.chooseRelationName(q.Name, "", "pkey", true)
		case state.ConstraintUnique:
			name = ns.chooseRelationName(q.Name, joinNameParts(c.nameCols), "key", true)
		case state.ConstraintExclusion:
			name = ns.chooseRelationName(q.Name, joinNameParts(c.nameCols), "excl", true)
		case state.ConstraintCheck:
			col := ""
			if len(c.nameCols) == 1 {
				col = c.nameCols[0]
			}
			name = ns.chooseConstraintName(q.Name, col, "check")
		case state.ConstraintForeignKey:
			name = ns.chooseConstraintName(q.Name, joinNameParts(c.nameCols), "fkey")
		}
	}
	for _, k := range c.keys {
		if _, ok := te.t.Column(k); !ok {
			r.errs.semantic(c.loc, "constraint %s: column %s of table %s does not exist", name, k, q)
			return
		}
	}
	con := state.Constraint{Name: name, Kind: c.kind, NotValid: c.notValid}
	if c.kind != state.ConstraintCheck && c.kind != state.ConstraintExclusion {
		con.Columns = append([]string(nil), c.keys...)
	}
	def := c.body
	if c.fk != nil {
		ref := c.fk.ref
		refCols := c.fk.refCols
		target := r.tables[ref]
		if len(refCols) == 0 {
			switch {
			case target == nil:
				r.errs.semantic(c.loc, "foreign key %s references table %s, which is defined nowhere: list the referenced columns or define the table", name, ref)
				return
			case target.pk == nil:
				r.errs.semantic(c.loc, "foreign key %s: there is no primary key for referenced table %s", name, ref)
				return
			}
			refCols = target.pk
		}
		if len(refCols) != len(c.keys) {
			r.errs.semantic(c.loc, "foreign key %s: number of referencing and referenced columns disagree", name)
			return
		}
		if target != nil {
			for _, k := range refCols {
				if _, ok := target.t.Column(k); !ok {
					r.errs.semantic(c.loc, "foreign key %s: column %s of referenced table %s does not exist", name, k, ref)
					return
				}
			}
		}
		def += " REFERENCES " + quoteQualified(ref.Schema, ref.Name) + "(" + quoteIdentList(refCols) + ")" + c.fk.tail
		refCopy := ref
		con.References = &refCopy
	}
	con.Definition = def + c.deferral
	key := state.ObjectKey{Kind: state.KindConstraint, Schema: q.Schema, Table: q.Name, Name: name}
	if !r.define(key, c.loc) {
		return
	}
	if indexBacked(c.kind) {
		r.defineIndexName(state.QualName{Schema: q.Schema, Name: name}, indexRef{table: q.Name, constraint: true}, c.loc)
	}
	te.t.Constraints = append(te.t.Constraints, con)
}

// defineIndexName records an index name in its schema, reporting a clash
// with another index or constraint index.
func (r *resolver) defineIndexName(q state.QualName, ref indexRef, loc Location) bool {
	if prev, dup := r.indexes[q]; dup {
		first := r.locs[state.ObjectKey{Kind: state.KindIndex, Schema: q.Schema, Table: prev.table, Name: q.Name}]
		if prev.constraint {
			first = r.locs[state.ObjectKey{Kind: state.KindConstraint, Schema: q.Schema, Table: prev.table, Name: q.Name}]
		}
		r.errs.semantic(loc, "relation %s already exists: an index of table %s.%s has that name (at %s)", q, q.Schema, prev.table, first)
		return false
	}
	r.indexes[q] = ref
	return true
}

// createIndexes is pass 4: CREATE INDEX in statement order.
func (r *resolver) createIndexes(items []any) {
	for _, it := range items {
		d, ok := it.(*indexDef)
		if !ok {
			continue
		}
		if r.viewIndex(d) {
			continue
		}
		te := r.table(d.table, d.loc, "CREATE INDEX")
		if te == nil {
			continue
		}
		name := d.name
		if name == "" {
			name = r.ns(d.table.Schema).chooseRelationName(d.table.Name, joinNameParts(d.nameCols), "idx", false)
		}
		def, err := indexDefinition(d.stmt, name, &te.t)
		if err != nil {
			r.errs.semantic(d.loc, "index %s: %v", name, err)
			continue
		}
		key := state.ObjectKey{Kind: state.KindIndex, Schema: d.table.Schema, Table: d.table.Name, Name: name}
		if !r.defineIndexName(state.QualName{Schema: d.table.Schema, Name: name}, indexRef{table: d.table.Name}, d.loc) {
			continue
		}
		r.locs[key] = d.loc
		te.t.Indexes = append(te.t.Indexes, state.Index{Name: name, Unique: d.stmt.Unique, Definition: def})
	}
}

// comments is pass 5: COMMENT ON, once everything is named. A second
// comment on the same object is an error: files declare one state.
func (r *resolver) comments(items []any) {
	seen := map[state.ObjectKey]Location{}
	for _, it := range items {
		d, ok := it.(*commentDef)
		if !ok {
			continue
		}
		target := r.commentTarget(d)
		if target == nil {
			continue
		}
		if first, dup := seen[d.key]; dup {
			r.errs.semantic(d.loc, "second comment on %s (first at %s)", d.key, first)
			continue
		}
		seen[d.key] = d.loc
		*target = d.comment
	}
}

// commentTarget finds the Comment field a COMMENT ON sets.
func (r *resolver) commentTarget(d *commentDef) *string {
	k := d.key
	q := state.QualName{Schema: k.Schema, Name: k.Name}
	missing := func(what string) *string {
		r.errs.semantic(d.loc, "COMMENT ON %s: %s is defined nowhere", what, k.QualifiedName())
		return nil
	}
	if target, ok := r.viewCommentTarget(d); ok {
		return target
	}
	if target, ok := r.publicationCommentTarget(d); ok {
		return target
	}
	if target, ok := r.foreignCommentTarget(d); ok {
		return target
	}
	if target, ok := r.typeCommentTarget(d); ok {
		return target
	}
	switch k.Kind {
	case state.KindSchema:
		if s := r.schemas[k.Name]; s != nil {
			return &s.Comment
		}
		return missing("SCHEMA")
	case state.KindType:
		if t := r.types[q]; t != nil {
			return &t.Comment
		}
		return missing("TYPE")
	case state.KindSequence:
		if s := r.sequences[q]; s != nil {
			return &s.seq.Comment
		}
		return missing("SEQUENCE")
	case state.KindTable:
		if te := r.tables[q]; te != nil {
			return &te.t.Comment
		}
		return missing("TABLE")
	case state.KindColumn, state.KindConstraint:
		te := r.tables[state.QualName{Schema: k.Schema, Name: k.Table}]
		if te == nil {
			r.errs.semantic(d.loc, "COMMENT ON %s: table %s.%s is defined nowhere", upperWords(string(k.Kind)), k.Schema, k.Table)
			return nil
		}
		if k.Kind == state.KindColumn {
			for i := range te.t.Columns {
				if te.t.Columns[i].Name == k.Name {
					return &te.t.Columns[i].Comment
				}
			}
			return missing("COLUMN")
		}
		for i := range te.t.Constraints {
			if te.t.Constraints[i].Name == k.Name {
				return &te.t.Constraints[i].Comment
			}
		}
		return missing("CONSTRAINT")
	case state.KindIndex:
		ref, ok := r.indexes[q]
		if !ok {
			return missing("INDEX")
		}
		te := r.tables[state.QualName{Schema: q.Schema, Name: ref.table}]
		if ref.constraint {
			// The index of a primary key, unique or exclusion
			// constraint has the constraint's name and a comment of
			// its own.
			for i := range te.t.Constraints {
				if te.t.Constraints[i].Name == k.Name {
					d.key.Table = ref.table
					return &te.t.Constraints[i].IndexComment
				}
			}
			return missing("INDEX")
		}
		for i := range te.t.Indexes {
			if te.t.Indexes[i].Name == k.Name {
				d.key.Table = ref.table
				return &te.t.Indexes[i].Comment
			}
		}
	}
	return missing(upperWords(string(k.Kind)))
}

// validate is the last pass: objects live in declared schemas, sequences
// are owned by existing columns of their schema, and tables, sequences and
// indexes do not share a name within a schema.
func (r *resolver) validate() {
	needSchema := func(schema string, key state.ObjectKey) {
		if _, ok := r.schemas[schema]; !ok && schema != "" {
			r.errs.semantic(r.locs[key], "%s: schema %s is defined nowhere (add CREATE SCHEMA %s)", key, schema, quoteIdent(schema))
		}
	}
	for _, e := range r.extensions {
		if e.Schema != "" && e.Schema != "pg_catalog" {
			needSchema(e.Schema, state.ObjectKey{Kind: state.KindExtension, Name: e.Name})
		}
	}
	for q := range r.types {
		needSchema(q.Schema, state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name})
	}
	for q, te := range r.tables {
		needSchema(q.Schema, te.t.Key())
		if _, clash := r.types[q]; clash {
			r.errs.semantic(r.locs[te.t.Key()], "table %s: type %s already exists (at %s); a table's row type takes its name", q, q,
				r.locs[state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name}])
		}
	}
	for q, se := range r.sequences {
		key := state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}
		needSchema(q.Schema, key)
		if te, clash := r.tables[q]; clash {
			r.errs.semantic(r.locs[key], "sequence %s: relation %s already exists (table at %s)", q, q, r.locs[te.t.Key()])
		}
		r.ownedBy(se, key)
	}
	for q, ref := range r.indexes {
		key := state.ObjectKey{Kind: state.KindIndex, Schema: q.Schema, Table: ref.table, Name: q.Name}
		if ref.constraint {
			key.Kind = state.KindConstraint
		}
		if _, clash := r.tables[q]; clash {
			r.errs.semantic(r.locs[key], "index %s: relation %s already exists as a table", q, q)
		}
		if _, clash := r.sequences[q]; clash {
			r.errs.semantic(r.locs[key], "index %s: relation %s already exists as a sequence", q, q)
		}
	}
}

// ownedBy checks and applies a sequence's OWNED BY.
func (r *resolver) ownedBy(se *seqEntry, key state.ObjectKey) {
	ob := se.ownedBy
	if ob == nil || ob.none {
		se.seq.OwnedBy = nil
		return
	}
	if ob.table.Schema != se.seq.Schema {
		r.errs.semantic(ob.loc, "sequence %s: sequence must be in same schema as table %s it is linked to", key.QualifiedName(), ob.table)
		return
	}
	te := r.tables[ob.table]
	if te == nil {
		r.errs.semantic(ob.loc, "sequence %s: OWNED BY table %s, which is defined nowhere", key.QualifiedName(), ob.table)
		return
	}
	if _, ok := te.t.Column(ob.column); !ok {
		r.errs.semantic(ob.loc, "sequence %s: OWNED BY column %s of table %s does not exist", key.QualifiedName(), ob.column, ob.table)
		return
	}
	se.seq.OwnedBy = &state.ColumnRef{Table: ob.table.Name, Column: ob.column}
}

// result builds the normalized schema.
func (r *resolver) result() *Result {
	var s state.DatabaseSchema
	for _, e := range r.extensions {
		s.Extensions = append(s.Extensions, *e)
	}
	for _, sc := range r.schemas {
		s.Schemas = append(s.Schemas, *sc)
	}
	for _, t := range r.types {
		s.Types = append(s.Types, *t)
	}
	for _, se := range r.sequences {
		s.Sequences = append(s.Sequences, se.seq)
	}
	for _, te := range r.tables {
		s.Tables = append(s.Tables, te.t)
	}
	s.DefaultPrivileges = r.defaults
	s.MemberPrivileges = r.memberPrivileges()
	s.Views = r.viewResults()
	s.Publications = r.publicationResults()
	r.foreignResults(&s)
	s.Collations = r.collationResults()
	r.addRoutines(&s)
	s.Objects = r.defs
	s.Normalize()
	return &Result{Schema: s, Locations: NewLocations(r.locs)}
}
