package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// viewEntry is a view being resolved.
type viewEntry struct {
	v    state.View
	refs queryRefs
	// columns are the output column names when known (see viewDef).
	columns []string
	// colComments are COMMENT ON COLUMN targets, by column name.
	colComments map[string]*string
}

// defineView is the view part of pass 1.
func (r *resolver) defineView(d *viewDef) {
	if r.views == nil {
		r.views = map[state.QualName]*viewEntry{}
	}
	q := d.view.QualName()
	key := d.view.Key()
	if prev, dup := r.views[q]; dup {
		if d.replace && !prev.v.Materialized {
			// A later CREATE OR REPLACE VIEW redefines the view, as it
			// would when the statements run in order.
			prev.v.Definition, prev.v.Options = d.view.Definition, d.view.Options
			if d.view.RenamedFrom != "" {
				prev.v.RenamedFrom = d.view.RenamedFrom
			}
			prev.refs, prev.columns = d.refs, d.columns
			return
		}
		r.errs.add(&DuplicateError{Key: key, First: r.locs[prev.v.Key()], Second: d.loc})
		return
	}
	if !r.define(key, d.loc) {
		return
	}
	r.views[q] = &viewEntry{v: d.view, refs: d.refs, columns: d.columns, colComments: map[string]*string{}}
}

// reserveViewNames records views as relation names of their schemas, so
// default index names avoid them.
func (r *resolver) reserveViewNames() {
	for q := range r.views {
		r.ns(q.Schema).relations[q.Name] = true
	}
}

// viewIndex handles CREATE INDEX on a view or materialized view, reporting
// whether d was one (and so is dealt with). Only materialized views can
// have indexes.
func (r *resolver) viewIndex(d *indexDef) bool {
	ve := r.views[d.table]
	if ve == nil {
		return false
	}
	if !ve.v.Materialized {
		r.errs.semantic(d.loc, "CREATE INDEX: %s is a view, which cannot have indexes (only materialized views can)", d.table)
		return true
	}
	name := d.name
	if name == "" {
		name = r.ns(d.table.Schema).chooseRelationName(d.table.Name, joinNameParts(d.nameCols), "idx", false)
	}
	def, err := indexDefinition(d.stmt, name, nil)
	if err != nil {
		r.errs.semantic(d.loc, "index %s: %v", name, err)
		return true
	}
	if !r.defineIndexName(state.QualName{Schema: d.table.Schema, Name: name}, indexRef{table: d.table.Name}, d.loc) {
		return true
	}
	r.locs[state.ObjectKey{Kind: state.KindIndex, Schema: d.table.Schema, Table: d.table.Name, Name: name}] = d.loc
	ve.v.Indexes = append(ve.v.Indexes, state.Index{Name: name, Unique: d.stmt.Unique, Definition: def})
	return true
}

// viewCommentTarget finds the Comment a COMMENT ON VIEW, MATERIALIZED
// VIEW, or COLUMN or INDEX of a (materialized) view sets. ok is false when
// the comment is not about a view at all.
func (r *resolver) viewCommentTarget(d *commentDef) (target *string, ok bool) {
	k := d.key
	switch k.Kind {
	case state.KindView, state.KindMaterializedView:
		ve := r.views[state.QualName{Schema: k.Schema, Name: k.Name}]
		word := "VIEW"
		if k.Kind == state.KindMaterializedView {
			word = "MATERIALIZED VIEW"
		}
		switch {
		case ve == nil:
			r.errs.semantic(d.loc, "COMMENT ON %s: %s is defined nowhere", word, k.QualifiedName())
			return nil, true
		case ve.v.Kind() != k.Kind:
			r.errs.semantic(d.loc, "COMMENT ON %s: %s is a %s", word, k.QualifiedName(), viewKindWords(ve.v.Kind()))
			return nil, true
		}
		return &ve.v.Comment, true
	case state.KindColumn:
		ve := r.views[state.QualName{Schema: k.Schema, Name: k.Table}]
		if ve == nil {
			return nil, false
		}
		if ve.columns != nil && !hasName(ve.columns, k.Name) {
			r.errs.semantic(d.loc, "COMMENT ON COLUMN: column %s of %s %s.%s does not exist", k.Name, viewKindWords(ve.v.Kind()), k.Schema, k.Table)
			return nil, true
		}
		c := ve.colComments[k.Name]
		if c == nil {
			c = new(string)
			ve.colComments[k.Name] = c
		}
		return c, true
	case state.KindIndex:
		ref, found := r.indexes[state.QualName{Schema: k.Schema, Name: k.Name}]
		if !found {
			return nil, false
		}
		ve := r.views[state.QualName{Schema: k.Schema, Name: ref.table}]
		if ve == nil {
			return nil, false
		}
		for i := range ve.v.Indexes {
			if ve.v.Indexes[i].Name == k.Name {
				d.key.Table = ref.table
				return &ve.v.Indexes[i].Comment, true
			}
		}
	}
	return nil, false
}

// viewKindWords names a kind for messages: "materialized view".
func viewKindWords(k state.Kind) string {
	if k == state.KindMaterializedView {
		return "materialized view"
	}
	return string(k)
}

// hasName reports whether list holds s.
func hasName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// viewResults checks the views against the other relations and returns
// them with their dependencies resolved: a relation is a view when a view
// of that name is declared, a table otherwise (which includes relations
// defined nowhere in the files, such as catalogs or extensions' tables).
func (r *resolver) viewResults() []state.View {
	var out []state.View
	for q, ve := range r.views {
		key := ve.v.Key()
		loc := r.locs[key]
		if _, ok := r.schemas[q.Schema]; !ok {
			r.errs.semantic(loc, "%s: schema %s is defined nowhere (add CREATE SCHEMA %s)", key, q.Schema, quoteIdent(q.Schema))
		}
		clash := func(what string, at Location) {
			r.errs.semantic(loc, "%s: relation %s already exists as a %s (at %s)", key, q, what, at)
		}
		if te, ok := r.tables[q]; ok {
			clash("table", r.locs[te.t.Key()])
		}
		if _, ok := r.sequences[q]; ok {
			clash("sequence", r.locs[state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}])
		}
		if ref, ok := r.indexes[q]; ok {
			clash("index", r.locs[state.ObjectKey{Kind: state.KindIndex, Schema: q.Schema, Table: ref.table, Name: q.Name}])
		}
		if _, ok := r.types[q]; ok {
			// A view's row type takes its name.
			clash("type", r.locs[state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name}])
		}
		v := ve.v
		v.DependsOn = r.viewDependencies(q, ve.refs)
		for name, c := range ve.colComments {
			if *c == "" {
				continue
			}
			if v.ColumnComments == nil {
				v.ColumnComments = map[string]string{}
			}
			v.ColumnComments[name] = *c
		}
		out = append(out, v)
	}
	return out
}

// viewDependencies turns a query's references into sorted, distinct keys.
func (r *resolver) viewDependencies(self state.QualName, refs queryRefs) []state.ObjectKey {
	seen := map[state.ObjectKey]bool{}
	var out []state.ObjectKey
	add := func(k state.ObjectKey) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, q := range refs.relations {
		if q == self {
			continue
		}
		kind := state.KindTable
		if ve, ok := r.views[q]; ok {
			kind = ve.v.Kind()
		}
		add(state.ObjectKey{Kind: kind, Schema: q.Schema, Name: q.Name})
	}
	for _, q := range refs.functions {
		add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
	}
	for _, q := range refs.types {
		add(state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name})
	}
	for _, q := range refs.operators {
		add(state.ObjectKey{Kind: state.KindOperator, Schema: q.Schema, Name: q.Name})
	}
	return out
}
