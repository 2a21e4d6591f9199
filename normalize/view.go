package normalize

import (
	"context"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// views is the server tier for view queries. For each desired
// view whose canonical query differs from its remote counterpart's,
// PostgreSQL prints the local query (created as a temporary view); when
// that equals the remote's query the views are the same and the remote's
// text is adopted. The printed output columns are kept either way, so the
// planner can tell whether CREATE OR REPLACE VIEW will do. A query
// PostgreSQL cannot create yet (it uses objects the plan creates) keeps its
// local text and unknown columns: it differs for real.
//
// A view whose select list uses * is fixed to the columns that exist when
// it is created; when a relation it reads gains columns (or is replaced)
// in this plan, its local text is kept and its columns left unknown, so the
// planner creates it again and * sees the new columns, as it would in a
// database built from the files.
//
// This pass alone merges the printed queries all at once: whether a view
// may take its printed columns depends on which other views really change.
func views(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	// Relations and columns the plan renames: a remote view prints the new
	// names once the renames ran, and a desired query naming them is
	// printed on the remote with the old names.
	renames, remote := srv.renames, srv.remote
	reverse := renames.Reverse()
	var temps []catalog.TempView
	var idx []int
	remoteOf := map[int]state.View{}
	renamedDef := map[int]string{}
	for i, v := range desired.Views {
		r, ok := remote.View(v.QualName())
		if !ok && v.RenamedFrom != "" {
			r, ok = remote.View(state.QualName{Schema: v.Schema, Name: v.RenamedFrom})
		}
		if !ok {
			continue
		}
		after, err := parser.RenameInQuery(r.Definition, renames.Relations, renames.Columns)
		if err != nil {
			after = r.Definition
		}
		if after == v.Definition {
			continue
		}
		query, err := parser.RenameInQuery(v.Definition, reverse.Relations, reverse.Columns)
		if err != nil {
			query = v.Definition
		}
		remoteOf[i], renamedDef[i] = r, after
		temps = append(temps, catalog.TempView{Name: v.Name, Query: query})
		idx = append(idx, i)
	}
	if len(temps) == 0 {
		return desired, nil
	}
	printed, err := catalog.PrintTempViews(ctx, srv.conn, localSearchPath, temps)
	if err != nil {
		return desired, err
	}
	// same[i]: desired view i prints as its remote counterpart.
	same := map[int]bool{}
	for k, sv := range printed {
		if sv.Err != nil {
			continue
		}
		if canon, err := parser.CanonicalQuery(parser.PinArrayCoercions(sv.Definition)); err == nil && canon == remoteOf[idx[k]].Definition {
			same[idx[k]] = true
		}
	}
	growing, star := relationsGrowing(desired, remote, same)
	out := desired
	out.Views = append([]state.View(nil), desired.Views...)
	for k, sv := range printed {
		i := idx[k]
		v := &out.Views[i]
		if sv.Err != nil || star[i] && readsAny(*v, growing) {
			continue
		}
		v.Columns = sv.Columns
		if same[i] {
			v.Definition = renamedDef[i]
		}
	}
	return out, nil
}

// relationsGrowing returns the desired relations whose set of columns may
// grow in this plan: tables with a column the remote table lacks, views
// whose query really changes (same says which print as the remote's),
// relations the remote does not have as the same kind, and, transitively,
// views whose select list uses * over a growing relation. star says which
// desired views (by index) use *.
func relationsGrowing(desired, remote state.DatabaseSchema, same map[int]bool) (growing map[state.QualName]bool, star map[int]bool) {
	growing = map[state.QualName]bool{}
	star = map[int]bool{}
	for _, t := range desired.Tables {
		rt, ok := remote.Table(t.QualName())
		if !ok && t.RenamedFrom != "" {
			rt, ok = remote.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom})
		}
		if !ok {
			growing[t.QualName()] = true
			continue
		}
		for _, c := range t.Columns {
			if _, had := rt.Column(c.Name); !had && c.RenamedFrom == "" {
				growing[t.QualName()] = true
			}
		}
	}
	for i, v := range desired.Views {
		star[i] = parser.QueryUsesStar(v.Definition)
		rv, ok := remote.View(v.QualName())
		if !ok || rv.Materialized != v.Materialized || rv.Definition != v.Definition && !same[i] {
			growing[v.QualName()] = true
		}
	}
	for {
		grew := false
		for i, v := range desired.Views {
			if star[i] && !growing[v.QualName()] && readsAny(v, growing) {
				growing[v.QualName()] = true
				grew = true
			}
		}
		if !grew {
			return growing, star
		}
	}
}

// readsAny reports whether a view reads one of the relations.
func readsAny(v state.View, rels map[state.QualName]bool) bool {
	for _, k := range v.DependsOn {
		if k.Kind != state.KindFunction && k.Kind != state.KindType && rels[state.QualName{Schema: k.Schema, Name: k.Name}] {
			return true
		}
	}
	return false
}
