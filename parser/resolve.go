package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// resolver combines all files' definitions into one model. It walks the
// statements in a fixed order (files by path, statements by position) so
// default names and errors never depend on scheduling.
type resolver struct {
	errs *errorList
	locs map[state.ObjectKey]Location

	schemas    map[string]*state.Schema
	extensions map[string]*state.Extension
	types      map[state.QualName]*state.Type
	sequences  map[state.QualName]*seqEntry
	tables     map[state.QualName]*tableEntry
	names      map[string]*nameSpace
	// indexes maps an index (or a constraint's index) name in a schema to
	// its table, for COMMENT ON INDEX and relation name clashes.
	indexes map[state.QualName]indexRef
	// collations are the declared collations (resolve_types.go).
	collations map[state.QualName]*state.Collation
	// routines holds functions, procedures and trigger definitions
	// (resolve_function.go).
	routines *routineState
	// views are the views and materialized views (resolve_view.go).
	views map[state.QualName]*viewEntry
	// defaults are the ALTER DEFAULT PRIVILEGES entries (resolve_grant.go).
	defaults []state.DefaultPrivilege
	// tableExt holds partitioning and inheritance (resolve_table_partitioning_storage.go).
	tableExt tableExtState
	// pubs are the publications (resolve_publication.go).
	pubs map[string]*pubEntry
	// defs are the definition objects (resolve_defobject.go).
	defs []state.DefObject
	// members are the privileges of extensions' routines (grant_member.go).
	members map[state.MemberPrivilegeKey]*state.MemberPrivilege
	// foreign holds wrappers, servers, mappings and subscriptions
	// (foreign.go).
	foreign foreignState
}

type seqEntry struct {
	seq     state.Sequence
	ownedBy *ownedByDef
}

type tableEntry struct {
	t  state.Table
	pk []string // primary key columns, once known
}

type indexRef struct {
	table      string
	constraint bool // the index behind a PK / UNIQUE / EXCLUDE constraint
}

func newResolver(errs *errorList) *resolver {
	return &resolver{
		errs:       errs,
		locs:       map[state.ObjectKey]Location{},
		schemas:    map[string]*state.Schema{},
		extensions: map[string]*state.Extension{},
		types:      map[state.QualName]*state.Type{},
		sequences:  map[state.QualName]*seqEntry{},
		tables:     map[state.QualName]*tableEntry{},
		names:      map[string]*nameSpace{},
		indexes:    map[state.QualName]indexRef{},
	}
}

// ns returns the name space of a schema.
func (r *resolver) ns(schema string) *nameSpace {
	ns := r.names[schema]
	if ns == nil {
		ns = newNameSpace()
		r.names[schema] = ns
	}
	return ns
}

// define records where an object is defined, reporting a duplicate.
func (r *resolver) define(key state.ObjectKey, loc Location) bool {
	if first, dup := r.locs[key]; dup {
		r.errs.add(&DuplicateError{Key: key, First: first, Second: loc})
		return false
	}
	r.locs[key] = loc
	return true
}

// resolve runs the passes and builds the result.
func (r *resolver) resolve(files []*FileParse) *Result {
	var items []any
	for _, f := range files {
		items = append(items, f.items...)
	}
	r.defineObjects(items)
	r.typedTableColumns(items)
	items = r.viewAlters(items)
	r.addColumns(items)
	r.inheritStructure(items)
	items = r.usingIndexConstraints(items)
	r.reserveExplicitNames(items)
	r.resolveTypes(items)
	r.columnChanges(items)
	r.inheritProperties(items)
	r.constraints(items)
	r.constraintCommands(items)
	r.createIndexes(items)
	r.tableExtFinish(items)
	r.relSettings(items)
	r.viewDefaults(items)
	r.functions(items)
	r.resolveDropNoops(items)
	r.publications(items)
	r.foreignObjects(items)
	imports := r.foreignImports(items)
	r.comments(items)
	r.finishTypes(items)
	r.policies(items)
	r.defs = r.defObjects(items)
	r.privileges(items)
	r.finishSettings()
	r.validate()
	owners := r.ownerDefs(items)
	res := r.result()
	res.ForeignImports = imports
	res.Owners = r.ownersOf(res.Schema, owners)
	return res
}

// defineObjects is pass 1: schemas, extensions, types, sequences and
// tables with the columns of their CREATE TABLE.
func (r *resolver) defineObjects(items []any) {
	for _, it := range items {
		switch d := it.(type) {
		case *schemaDef:
			if r.define(state.ObjectKey{Kind: state.KindSchema, Name: d.name}, d.loc) {
				r.schemas[d.name] = &state.Schema{Name: d.name}
			}
		case *extensionDef:
			if r.define(state.ObjectKey{Kind: state.KindExtension, Name: d.ext.Name}, d.loc) {
				e := d.ext
				r.extensions[e.Name] = &e
			}
		case *typeDef:
			q := d.typ.QualName()
			if r.define(state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name}, d.loc) {
				t := d.typ
				r.types[q] = &t
			}
		case *sequenceDef:
			q := d.seq.QualName()
			if r.define(state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}, d.loc) {
				r.sequences[q] = &seqEntry{seq: d.seq, ownedBy: d.ownedBy}
			}
		case *viewDef:
			r.defineView(d)
		case *tableDef:
			if !r.define(state.ObjectKey{Kind: state.KindTable, Schema: d.name.Schema, Name: d.name.Name}, d.loc) {
				continue
			}
			te := &tableEntry{t: state.Table{Schema: d.name.Schema, Name: d.name.Name, Unlogged: d.unlogged, Columns: make([]state.Column, 0, len(d.columns)), Foreign: d.foreign}}
			r.tables[d.name] = te
			for _, c := range d.columns {
				r.addColumn(te, c, false)
				c.release()
			}
		}
	}
	if _, ok := r.schemas["public"]; !ok {
		r.schemas["public"] = &state.Schema{Name: "public"}
	}
}

// addColumn appends a column to a table, reporting duplicates.
func (r *resolver) addColumn(te *tableEntry, c *columnDef, ifNotExists bool) bool {
	if _, exists := te.t.Column(c.col.Name); exists && ifNotExists {
		return false
	}
	key := state.ObjectKey{Kind: state.KindColumn, Schema: te.t.Schema, Table: te.t.Name, Name: c.col.Name}
	if !r.define(key, c.loc) {
		return false
	}
	te.t.Columns = append(te.t.Columns, *c.col)
	return true
}

// table finds an ALTER/INDEX/COMMENT target, reporting a table defined
// nowhere.
func (r *resolver) table(q state.QualName, loc Location, what string) *tableEntry {
	te := r.tables[q]
	if te == nil {
		r.errs.semantic(loc, "%s: table %s is defined nowhere", what, q)
	}
	return te
}

// column finds a column of a table for a column change.
func (r *resolver) column(te *tableEntry, name string, loc Location, what string) *state.Column {
	for i := range te.t.Columns {
		if te.t.Columns[i].Name == name {
			return &te.t.Columns[i]
		}
	}
	r.errs.semantic(loc, "%s: column %s of table %s does not exist", what, name, te.t.QualName())
	return nil
}

// addColumns is pass 1b: ALTER TABLE ... ADD COLUMN, so that later passes
// see every column regardless of statement order.
func (r *resolver) addColumns(items []any) {
	for _, it := range items {
		a, ok := it.(*alterTableDef)
		if !ok {
			continue
		}
		te := r.tables[a.table]
		for i := range a.cmds {
			c := &a.cmds[i]
			r.dropColumnCmd(te, c)
			if c.addColumn == nil || te == nil {
				continue
			}
			if !r.addColumn(te, c.addColumn, c.ifNotExists) {
				// ADD COLUMN IF NOT EXISTS of an existing column does
				// nothing, its constraints included.
				c.addColumn, c.addCons = nil, nil
			}
		}
	}
}

// reserveExplicitNames records every explicitly named relation and
// constraint so default names avoid them, as they would in a database where
// those objects exist.
func (r *resolver) reserveExplicitNames(items []any) {
	reserveCons := func(cons []*conDef) {
		for _, c := range cons {
			if c.name == "" {
				continue
			}
			ns := r.ns(c.table.Schema)
			ns.constraints[c.name] = true
			if indexBacked(c.kind) {
				ns.relations[c.name] = true
			}
		}
	}
	for q := range r.tables {
		r.ns(q.Schema).relations[q.Name] = true
	}
	for q := range r.sequences {
		r.ns(q.Schema).relations[q.Name] = true
	}
	r.reserveViewNames()
	for _, it := range items {
		switch d := it.(type) {
		case *tableDef:
			reserveCons(d.cons)
		case *alterTableDef:
			for _, c := range d.cmds {
				reserveCons(c.addCons)
			}
		case *indexDef:
			if d.name != "" {
				r.ns(d.table.Schema).relations[d.name] = true
			}
		}
	}
}

// indexBacked reports whether a constraint kind creates an index (and so
// takes a relation name).
func indexBacked(k state.ConstraintKind) bool {
	return k == state.ConstraintPrimaryKey || k == state.ConstraintUnique || k == state.ConstraintExclusion
}

// columnChanges is pass 2, in statement order: serial columns get their
// sequence and default; ALTER COLUMN SET DEFAULT / SET NOT NULL / ADD
// IDENTITY and ALTER SEQUENCE ... OWNED BY apply.
func (r *resolver) columnChanges(items []any) {
	for _, it := range items {
		switch d := it.(type) {
		case *tableDef:
			te := r.tables[d.name]
			if te == nil || r.locs[te.t.Key()] != d.loc {
				continue // a duplicate, already reported
			}
			for _, c := range d.columns {
				if c.serial != "" {
					r.expandSerial(te, c)
				}
			}
		case *alterTableDef:
			r.alterColumns(d)
		case *seqOwnedDef:
			se := r.sequences[d.seq]
			if se == nil {
				r.errs.semantic(d.loc, "ALTER SEQUENCE: sequence %s is defined nowhere", d.seq)
				continue
			}
			// Within one file the statements run in order and the last
			// OWNED BY wins, as on the server (CREATE SEQUENCE ... OWNED
			// BY NONE, then ALTER SEQUENCE ... OWNED BY t.c). Files have
			// no order between them, so two files disagreeing is an error.
			if se.ownedBy != nil && !sameOwner(se.ownedBy, &d.ownedBy) && se.ownedBy.loc.File != d.loc.File {
				r.errs.semantic(d.loc, "sequence %s: OWNED BY given twice, differently, in two files (first at %s)", d.seq, se.ownedBy.loc)
				continue
			}
			ob := d.ownedBy
			se.ownedBy = &ob
		}
	}
}

// sameOwner compares two OWNED BY clauses, ignoring where they were written.
func sameOwner(a, b *ownedByDef) bool {
	return a.none == b.none && a.table == b.table && a.column == b.column
}

// alterColumns applies one ALTER TABLE statement's column changes.
func (r *resolver) alterColumns(a *alterTableDef) {
	te := r.tables[a.table]
	if te == nil {
		if !a.missingOK {
			r.table(a.table, a.loc, "ALTER TABLE")
		}
		return
	}
	for _, c := range a.cmds {
		switch {
		case c.addColumn != nil:
			if c.addColumn.serial != "" {
				r.expandSerial(te, c.addColumn)
			}
		case c.setDefault != nil:
			col := r.column(te, c.setDefault.column, c.loc, "ALTER COLUMN SET DEFAULT")
			switch {
			case col == nil:
			case col.Identity != "" || col.Generated != "":
				r.errs.semantic(c.loc, "column %s of table %s is an identity or generated column and cannot have a default", col.Name, te.t.QualName())
			case col.Default != "" && col.Default != c.setDefault.expr && !col.Inherited && !isNullText(col.Default):
				r.errs.semantic(c.loc, "column %s of table %s already has a default (%s)", col.Name, te.t.QualName(), col.Default)
			default:
				col.Default = c.setDefault.expr
			}
		case c.setNotNull != nil:
			if col := r.column(te, c.setNotNull.column, c.loc, "ALTER COLUMN SET NOT NULL"); col != nil {
				col.NotNull = true
			}
		case c.addIdentity != nil:
			col := r.column(te, c.addIdentity.column, c.loc, "ALTER COLUMN ADD IDENTITY")
			if col == nil {
				continue
			}
			if col.Identity != "" || col.Default != "" || col.Generated != "" {
				r.errs.semantic(c.loc, "column %s of table %s already has a default, identity or generation expression", col.Name, te.t.QualName())
				continue
			}
			opts, err := identityOptions(col.Type, *c.addIdentity.identityOpts)
			if err != nil {
				r.errs.semantic(c.loc, "column %s of table %s: %v", col.Name, te.t.QualName(), err)
				continue
			}
			col.Identity, col.IdentityOptions, col.NotNull = c.addIdentity.identity, opts, true
		}
	}
}

// expandSerial gives a serial column what PostgreSQL gives it: a sequence
// <table>_<column>_seq (ChooseRelationName rules) AS the column's type,
// owned by the column, and DEFAULT nextval('<schema>.<sequence>'::regclass).
func (r *resolver) expandSerial(te *tableEntry, c *columnDef) {
	q := te.t.QualName()
	column := c.summary().name
	name := r.ns(q.Schema).chooseRelationName(q.Name, column, "seq", false)
	opts, err := seqOptions{}.fill(c.serial)
	if err != nil {
		r.errs.semantic(c.loc, "serial column %s: %v", column, err)
		return
	}
	seq := state.Sequence{Schema: q.Schema, Name: name, SequenceOptions: opts}
	key := state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: name}
	if !r.define(key, c.loc) {
		return
	}
	r.sequences[seq.QualName()] = &seqEntry{seq: seq, ownedBy: &ownedByDef{loc: c.loc, table: q, column: column}}
	def, err := exprFromSQL("nextval(" + quoteLiteral(quoteQualified(q.Schema, name)) + "::regclass)")
	if err != nil {
		r.errs.semantic(c.loc, "serial column %s: %v", column, err)
		return
	}
	if col := r.column(te, column, c.loc, "serial"); col != nil {
		col.Default = def
	}
}

// exprFromSQL canonicalizes an expression given as SQL text.
func exprFromSQL(sql string) (string, error) {
	tree, err := pg_query.Parse("SELECT " + sql)
	if err != nil {
		return "", err
	}
	if len(tree.Stmts) != 1 {
		return "", fmt.Errorf("expected one expression in %q", sql)
	}
	tl := tree.Stmts[0].GetStmt().GetSelectStmt().GetTargetList()
	if len(tl) != 1 || tl[0].GetResTarget() == nil {
		return "", fmt.Errorf("expected one expression in %q", sql)
	}
	return canonicalExpr(tl[0].GetResTarget().Val)
}
