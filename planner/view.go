package planner

import (
	"reflect"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans views and materialized views.
//
// A view is changed in place where PostgreSQL allows it: CREATE OR REPLACE
// VIEW when the new query's columns start with the old ones (same names and
// types: PostgreSQL can only append columns), ALTER ... SET/RESET for
// options alone, COMMENT, and CREATE/DROP INDEX on materialized views.
// Everything else drops the view and creates it again: a plain view whose
// columns change otherwise, any change to a materialized view's query, a
// view that becomes materialized or the reverse. A view is also recreated
// when something it reads changes in a way PostgreSQL refuses under a view:
// a table it reads is dropped, loses a column or changes a column's type
// (or primary key, which GROUP BY may rely on), or a function or type it
// uses is dropped (or dropped and created again). Views depending on a
// recreated view are recreated too, transitively.
//
// Drops run first (phaseDropView, dependents before what they read),
// creates last (phaseCreateView, after tables, columns, indexes and
// functions, what they read before dependents).

// viewPair is a view on both sides: old is the remote's, nw the desired.
type viewPair struct {
	old, nw state.View
	renamed bool
}

// relKey names a relation, function or type a view can depend on,
// independently of the kind of relation: a table replaced by a view of the
// same name is still what the view reads.
type relKey struct {
	class        string // "rel", "func" or "type"
	schema, name string
}

func depKey(k state.ObjectKey) relKey {
	switch k.Kind {
	case state.KindFunction, state.KindProcedure, state.KindAggregate:
		return relKey{"func", k.Schema, k.Name}
	case state.KindType:
		return relKey{"type", k.Schema, k.Name}
	case state.KindOperator:
		return relKey{"op", k.Schema, k.Name}
	case state.KindCollation, state.KindTSConfiguration, state.KindTSDictionary,
		state.KindOperatorClass, state.KindOperatorFamily:
		// Named in a view's catalog dependencies (catalogdeps.go).
		return relKey{string(k.Kind), k.Schema, k.Name}
	}
	return relKey{"rel", k.Schema, k.Name}
}

func viewRelKey(q state.QualName) relKey { return relKey{"rel", q.Schema, q.Name} }

// views plans every view change. It must run after every other kind has
// been diffed: it reads their drop steps to find the views that must be
// recreated around them.
func (d *differ) views() {
	pairs, created, dropped := d.matchViews()
	// Compare with the remote views as the planned renames of what they
	// read leave them.
	if renames := DeclaredRelationRenames(d.from, d.to); !renames.Empty() {
		for i := range pairs {
			if def, err := parser.RenameInQuery(pairs[i].old.Definition, renames.Relations, renames.Columns); err == nil {
				pairs[i].old.Definition = def
			}
		}
	}
	withCatalogDepends(d.from, pairs)
	changed := d.changedUnderViews()
	rebuild := d.viewsToRebuild(pairs, dropped, changed)

	// Drops: the views that go away and the remote side of the rebuilt
	// ones, dependents first.
	var dropSet []state.View
	dropSet = append(dropSet, dropped...)
	for _, p := range pairs {
		if rebuild[p.old.QualName()] {
			dropSet = append(dropSet, p.old)
		}
	}
	for _, v := range d.orderViews(dropSet, true) {
		q := v.QualName()
		d.add(phaseDropView, v.Key(), ActionDrop, sqlgen.DropView(q, v.Materialized))
	}
	for _, v := range dropped {
		d.change(v.Key(), ActionDrop, sqlgen.ViewDefinition(v), "")
	}

	// Renames of views that are kept.
	for _, p := range pairs {
		if p.renamed && !rebuild[p.old.QualName()] {
			d.add(phaseRename, p.nw.Key(), ActionRename, sqlgen.RenameView(p.old.QualName(), p.old.Materialized, p.nw.Name))
		}
	}

	// Creates, replaces and alterations, in dependency order of the
	// desired side.
	byName := map[state.QualName]viewPair{}
	for _, p := range pairs {
		byName[p.nw.QualName()] = p
	}
	isNew := map[state.QualName]bool{}
	for _, v := range created {
		isNew[v.QualName()] = true
	}
	for _, v := range d.orderViews(d.to.Views, false) {
		q := v.QualName()
		switch p, ok := byName[q]; {
		case isNew[q]:
			d.change(v.Key(), ActionCreate, "", sqlgen.ViewDefinition(v))
			d.createView(v, nil)
		case ok && rebuild[p.old.QualName()]:
			d.change(v.Key(), ActionAlter, sqlgen.ViewDefinition(p.old), sqlgen.ViewDefinition(v))
			d.createView(v, &p.old)
		case ok:
			d.alterView(p)
		}
	}
}

// matchViews pairs remote and desired views by name, or by a desired
// view's renamed-from annotation when the old name is free on the desired
// side.
func (d *differ) matchViews() (pairs []viewPair, created, dropped []state.View) {
	matched := map[state.QualName]bool{}
	for _, v := range d.to.Views {
		old, ok := d.from.View(v.QualName())
		renamed := false
		if !ok && v.RenamedFrom != "" {
			prev := state.QualName{Schema: v.Schema, Name: v.RenamedFrom}
			if o, found := d.from.View(prev); found && !d.desiredRelation(prev) {
				old, ok, renamed = o, true, true
			}
		}
		if !ok {
			created = append(created, v)
			continue
		}
		matched[old.QualName()] = true
		pairs = append(pairs, viewPair{old: old, nw: v, renamed: renamed})
	}
	for _, v := range d.from.Views {
		if !matched[v.QualName()] {
			dropped = append(dropped, v)
		}
	}
	return pairs, created, dropped
}

// desiredRelation reports whether the desired side has a table or view
// called q.
func (d *differ) desiredRelation(q state.QualName) bool {
	if _, ok := d.to.Table(q); ok {
		return true
	}
	_, ok := d.to.View(q)
	return ok
}

// underViews is what changes under views in a way a view reading it does
// not survive.
type underViews struct {
	// whole are relations, functions and types changed as a whole:
	// dropped tables, and every function, procedure, type or sequence
	// some step drops (including those dropped to be created again).
	whole map[relKey]bool
	// columns are table columns dropped or changed in type, collation or
	// generation expression, by table.
	columns map[relKey]map[string]bool
	// primaryKeys are primary keys dropped (or recreated), by table.
	primaryKeys map[relKey]string
}

// changedUnderViews finds what changes under views (remote names).
func (d *differ) changedUnderViews() underViews {
	u := underViews{whole: map[relKey]bool{}, columns: map[relKey]map[string]bool{}, primaryKeys: map[relKey]string{}}
	for _, t := range d.from.Tables {
		k := viewRelKey(t.QualName())
		nw, ok := d.desiredTable(t.QualName())
		if !ok || d.tableExt.recreated[t.QualName()] {
			// Dropped, or dropped and created again (a changed
			// partitioning): every view reading it goes first.
			u.whole[k] = true
			continue
		}
		for _, c := range t.Columns {
			nc, ok := nw.Column(d.desiredColumnName(nw, c.Name))
			if !ok || nc.Type != c.Type || nc.Collation != c.Collation || nc.Generated != c.Generated {
				if u.columns[k] == nil {
					u.columns[k] = map[string]bool{}
				}
				u.columns[k][c.Name] = true
			}
		}
		oldPK, newPK := primaryKeyOf(t), primaryKeyOf(nw)
		if oldPK != nil && (newPK == nil || oldPK.Definition != newPK.Definition || d.desiredConstraintName(nw, oldPK.Name) != newPK.Name) {
			u.primaryKeys[k] = oldPK.Name
		}
	}
	for _, s := range d.steps {
		if s.Action != ActionDrop {
			continue
		}
		switch s.Object.Kind {
		case state.KindFunction, state.KindProcedure, state.KindType, state.KindSequence, state.KindAggregate, state.KindOperator,
			state.KindCollation, state.KindTSConfiguration, state.KindTSDictionary, state.KindOperatorClass, state.KindOperatorFamily:
			if s.Object.Table == "" {
				u.whole[depKey(s.Object)] = true
			}
		}
	}
	return u
}

// affects reports whether the changes underneath force the remote view v
// to be recreated. The columns a view reads are known from the catalog
// (ReadsFromCatalog); without them, any changed column of a table the view
// reads counts.
func (u underViews) affects(v state.View) bool {
	if dependsOnAny(v, u.whole) {
		return true
	}
	if len(v.ReadsFromCatalog) > 0 {
		for _, k := range v.ReadsFromCatalog {
			t := relKey{"rel", k.Schema, k.Table}
			switch k.Kind {
			case state.KindColumn:
				if u.columns[t][k.Name] {
					return true
				}
			case state.KindConstraint:
				if pk, ok := u.primaryKeys[t]; ok && pk == k.Name {
					return true
				}
			}
		}
		return false
	}
	for _, k := range v.DependsOn {
		if len(u.columns[depKey(k)]) > 0 || u.primaryKeys[depKey(k)] != "" {
			return true
		}
	}
	return false
}

// primaryKeyOf returns the primary key of t, or nil.
func primaryKeyOf(t state.Table) *state.Constraint {
	for i := range t.Constraints {
		if t.Constraints[i].Kind == state.ConstraintPrimaryKey {
			return &t.Constraints[i]
		}
	}
	return nil
}

// viewsToRebuild returns the remote views (by remote name) that must be
// dropped and created again: those whose own change needs it, those
// reading something changed underneath, and, transitively, those reading a
// view that is dropped or rebuilt.
func (d *differ) viewsToRebuild(pairs []viewPair, dropped []state.View, changed underViews) map[state.QualName]bool {
	rebuild := map[state.QualName]bool{}
	goneRoutines := d.droppedRoutines()
	for _, p := range pairs {
		if viewNeedsRebuild(p.old, p.nw) || changed.affects(p.old) || callsRecreatedRoutine(p, goneRoutines) {
			rebuild[p.old.QualName()] = true
		}
	}
	gone := map[relKey]bool{}
	for _, v := range dropped {
		gone[viewRelKey(v.QualName())] = true
	}
	for {
		grew := false
		for q := range rebuild {
			gone[viewRelKey(q)] = true
		}
		for _, p := range pairs {
			q := p.old.QualName()
			if !rebuild[q] && dependsOnAny(p.old, gone) {
				rebuild[q] = true
				grew = true
			}
		}
		if !grew {
			return rebuild
		}
	}
}

func dependsOnAny(v state.View, set map[relKey]bool) bool {
	for _, k := range v.DependsOn {
		if set[depKey(k)] {
			return true
		}
	}
	return false
}

// viewNeedsRebuild reports whether turning old into nw needs DROP and
// CREATE rather than CREATE OR REPLACE VIEW or ALTER.
func viewNeedsRebuild(old, nw state.View) bool {
	if old.Materialized != nw.Materialized {
		return true
	}
	if old.Definition == nw.Definition {
		return false
	}
	return nw.Materialized || !columnsAppendOnly(old.Columns, nw.Columns)
}

// columnsAppendOnly reports whether CREATE OR REPLACE VIEW can turn a view
// with columns old into one with columns nw: nw starts with old, names and
// types alike. Unknown columns (the server could not print the new query,
// which then uses objects the plan creates) never qualify.
func columnsAppendOnly(old, nw []state.ViewColumn) bool {
	if len(old) == 0 || len(nw) < len(old) {
		return false
	}
	for i, c := range old {
		if c.Name != nw[i].Name || c.Type == "" || c.Type != nw[i].Type {
			return false
		}
	}
	return true
}

// orderViews orders views by their dependencies among themselves: what a
// view reads first, or, with reverse, dependents first.
func (d *differ) orderViews(views []state.View, reverse bool) []state.View {
	byKey := map[state.ObjectKey]state.View{}
	byRel := map[relKey]state.ObjectKey{}
	var keys []state.ObjectKey
	for _, v := range views {
		byKey[v.Key()] = v
		byRel[viewRelKey(v.QualName())] = v.Key()
		keys = append(keys, v.Key())
	}
	deps := map[state.ObjectKey][]state.ObjectKey{}
	for _, v := range views {
		for _, k := range v.DependsOn {
			if dk, ok := byRel[depKey(k)]; ok {
				deps[v.Key()] = append(deps[v.Key()], dk)
			}
		}
	}
	order, err := topoOrder(keys, deps)
	if err != nil {
		d.errs = append(d.errs, err)
	}
	out := make([]state.View, 0, len(order))
	for _, k := range order {
		out = append(out, byKey[k])
	}
	if reverse {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// createView plans CREATE [MATERIALIZED] VIEW with the view's indexes and
// comments. old is the remote view when v replaces it (drop and create).
func (d *differ) createView(v state.View, old *state.View) {
	q := v.QualName()
	var hz []Hazard
	if v.Materialized && old != nil && old.Materialized {
		hz = append(hz, NewHazard(RecreatesMaterializedView, q))
	}
	d.add(phaseCreateView, v.Key(), ActionCreate, sqlgen.CreateView(v), hz...)
	d.viewColumnDefaults(nil, v)
	for _, ix := range v.Indexes {
		d.add(phaseCreateView, memberKey(state.KindIndex, q, ix.Name), ActionCreate, sqlgen.CreateIndex(ix), indexBuildHazard(v, ix)...)
	}
	if v.ClusterOn != "" {
		d.add(phaseCreateView, v.Key(), ActionAlter, sqlgen.MatviewClusterOn(q, v.ClusterOn))
	}
	d.viewComments(state.View{Schema: v.Schema, Name: v.Name, Materialized: v.Materialized}, v)
	for _, ix := range v.Indexes {
		if ix.Comment != "" {
			d.add(phaseComment, memberKey(state.KindIndex, q, ix.Name), ActionAlter,
				sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, ix.Name), ix.Comment))
		}
	}
}

// indexBuildHazard is the hazard of building an index on an existing
// materialized view.
func indexBuildHazard(v state.View, ix state.Index) []Hazard {
	return []Hazard{NewHazard(BuildsMatviewIndex, ix.Name, v.QualName())}
}

// alterView plans the changes of a view that is kept: CREATE OR REPLACE,
// options, materialized views' indexes, comments.
func (d *differ) alterView(p viewPair) {
	old, nw := p.old, p.nw
	q := nw.QualName()
	key := nw.Key()
	if viewsEqual(old, nw) {
		return
	}
	oldDef, newDef := sqlgen.ViewDefinition(old), sqlgen.ViewDefinition(nw)
	if oldDef != newDef || p.renamed {
		d.change(key, ActionAlter, oldDef, newDef)
	}
	switch {
	case old.Definition != nw.Definition:
		// viewNeedsRebuild said the columns only grow; options come with
		// the statement.
		d.add(phaseCreateView, key, ActionAlter, sqlgen.CreateOrReplaceView(nw))
	case !reflect.DeepEqual(old.Options, nw.Options):
		set, reset := viewOptionChanges(old.Options, nw.Options)
		if len(reset) > 0 {
			d.add(phaseCreateView, key, ActionAlter, sqlgen.ResetViewOptions(q, nw.Materialized, reset))
		}
		if len(set) > 0 {
			d.add(phaseCreateView, key, ActionAlter, sqlgen.SetViewOptions(q, nw.Materialized, set))
		}
	}
	if old.Materialized && nw.Materialized && old.Tablespace != nw.Tablespace {
		d.add(phaseTableProps, key, ActionAlter, sqlgen.SetMatviewTablespace(q, nw.Tablespace), NewHazard(MovesTablespace, q))
	}
	d.viewColumnDefaults(&old, nw)
	d.viewIndexes(old, nw)
	d.matviewClusterOn(old, nw)
	d.viewComments(old, nw)
}

// viewsEqual compares what this file plans of two views; columns and
// dependencies are derived, and privileges and triggers are planned
// separately (privilege.go, trigger.go).
func viewsEqual(a, b state.View) bool {
	strip := func(v state.View) state.View {
		v.Columns, v.DependsOn, v.ReadsFromCatalog, v.RenamedFrom = nil, nil, nil, ""
		v.Privileges, v.Triggers, v.OwnerRevoked = nil, nil, nil
		v.Indexes = append([]state.Index(nil), v.Indexes...)
		for i := range v.Indexes {
			v.Indexes[i].RenamedFrom = ""
		}
		if len(v.ColumnComments) == 0 {
			v.ColumnComments = nil
		}
		if len(v.ColumnDefaults) == 0 {
			v.ColumnDefaults = nil
		}
		return v
	}
	a, b = strip(a), strip(b)
	a.Name, a.Schema = b.Name, b.Schema
	return reflect.DeepEqual(a, b)
}

// viewOptionChanges splits the difference between two sorted option lists
// into options to set (name=value) and names to reset.
func viewOptionChanges(from, to []string) (set, reset []string) {
	have := map[string]string{}
	for _, o := range from {
		n, v, _ := strings.Cut(o, "=")
		have[n] = v
	}
	want := map[string]bool{}
	for _, o := range to {
		n, v, _ := strings.Cut(o, "=")
		want[n] = true
		if old, ok := have[n]; !ok || old != v {
			set = append(set, o)
		}
	}
	for _, o := range from {
		n, _, _ := strings.Cut(o, "=")
		if !want[n] {
			reset = append(reset, n)
		}
	}
	return set, reset
}

// viewIndexes plans the index changes of a materialized view that is kept.
func (d *differ) viewIndexes(old, nw state.View) {
	q := nw.QualName()
	have := map[string]state.Index{}
	for _, ix := range old.Indexes {
		have[ix.Name] = ix
	}
	want := map[string]bool{}
	for _, ix := range nw.Indexes {
		want[ix.Name] = true
		key := memberKey(state.KindIndex, q, ix.Name)
		prev, ok := have[ix.Name]
		if ok && prev.Definition == ix.Definition {
			if prev.Comment != ix.Comment {
				d.add(phaseComment, key, ActionAlter, sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, ix.Name), ix.Comment))
			}
			continue
		}
		if ok {
			d.add(phaseDropIndex, key, ActionDrop, sqlgen.DropIndex(q.Schema, ix.Name))
		}
		d.add(phaseCreateView, key, ActionCreate, sqlgen.CreateIndex(ix), indexBuildHazard(nw, ix)...)
		if ix.Comment != "" {
			d.add(phaseComment, key, ActionAlter, sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, ix.Name), ix.Comment))
		}
	}
	for _, ix := range old.Indexes {
		if !want[ix.Name] {
			d.add(phaseDropIndex, memberKey(state.KindIndex, q, ix.Name), ActionDrop, sqlgen.DropIndex(q.Schema, ix.Name))
		}
	}
}

// viewComments plans COMMENT statements for a view and its columns. old
// holds what already exists.
func (d *differ) viewComments(old, nw state.View) {
	key := nw.Key()
	if old.Comment != nw.Comment {
		d.add(phaseComment, key, ActionAlter, sqlgen.CommentOnView(nw, nw.Comment))
	}
	cols := map[string]bool{}
	for c := range old.ColumnComments {
		cols[c] = true
	}
	for c := range nw.ColumnComments {
		cols[c] = true
	}
	for _, c := range sortedColumnNames(cols) {
		if old.ColumnComments[c] != nw.ColumnComments[c] {
			d.add(phaseComment, memberKey(state.KindColumn, nw.QualName(), c), ActionAlter, sqlgen.CommentOnViewColumn(nw, c, nw.ColumnComments[c]))
		}
	}
}

// sortedColumnNames returns the members of a set of names in order.
func sortedColumnNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// callsRecreatedRoutine reports whether a changed view's new query calls
// a routine the plan drops and creates again: the new query's column
// types were read with the remote's routine, whose result type may be
// what changes, so CREATE OR REPLACE cannot be trusted to keep them.
func callsRecreatedRoutine(p viewPair, gone map[state.QualName]bool) bool {
	if p.old.Definition == p.nw.Definition {
		return false
	}
	for _, k := range p.nw.DependsOn {
		if (k.Kind == state.KindFunction || k.Kind == state.KindProcedure) && gone[state.QualName{Schema: k.Schema, Name: k.Name}] {
			return true
		}
	}
	return false
}
