package normalize

import (
	"context"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// viewDefaults is the server tier for the column defaults of
// views (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT). PostgreSQL cooks a
// view column's default against the column's type exactly as a table
// column's, so each desired default that differs from the remote view's
// is printed through a temporary table with columns of the remote view's
// types, and the printed form replaces the local one: 'x' on a text
// column becomes 'x'::text, and a NULL the server would not store goes
// away. Views the remote lacks, or whose columns it does not know, keep
// their local text.
func viewDefaults(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	var temps []catalog.TempTable
	var tables []state.Table
	var idx []int
	for i, v := range desired.Views {
		if v.Materialized || len(v.ColumnDefaults) == 0 {
			continue
		}
		r, ok := srv.remote.View(v.QualName())
		if !ok && v.RenamedFrom != "" {
			r, ok = srv.remote.View(state.QualName{Schema: v.Schema, Name: v.RenamedFrom})
		}
		if !ok {
			continue
		}
		t := state.Table{Schema: v.Schema, Name: v.Name}
		for _, c := range r.Columns {
			expr, has := v.ColumnDefaults[c.Name]
			if !has || expr == r.ColumnDefaults[c.Name] || c.Type == "" {
				continue
			}
			typ, coll, _ := strings.Cut(c.Type, " COLLATE ")
			t.Columns = append(t.Columns, state.Column{Name: c.Name, Type: typ, Collation: coll, Default: expr})
		}
		if len(t.Columns) == 0 {
			continue
		}
		temps = append(temps, catalog.TempTable{Name: v.Name, Statements: []string{sqlgen.CreateTempTable(t, nil)}})
		tables = append(tables, t)
		idx = append(idx, i)
	}
	return printEach(ctx, srv, desired, temps, catalog.PrintTemp, func(out *state.DatabaseSchema, k int, st catalog.ServerTable) {
		if st.Err != nil {
			return
		}
		canon, ok := canonicalServerTable(tables[k], st)
		if !ok {
			return
		}
		v := &out.Views[idx[k]]
		state.Own(v)
		defaults := make(map[string]string, len(v.ColumnDefaults))
		for c, e := range v.ColumnDefaults {
			defaults[c] = e
		}
		for _, c := range tables[k].Columns {
			sc, found := canon.Column(c.Name)
			if !found {
				continue
			}
			if sc.Default == "" {
				delete(defaults, c.Name)
			} else {
				defaults[c.Name] = sc.Default
			}
		}
		if len(defaults) == 0 {
			defaults = nil
		}
		v.ColumnDefaults = defaults
	})
}
