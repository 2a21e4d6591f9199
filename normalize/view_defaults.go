package normalize

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// normalizeViewDefaults is the server tier for the column defaults of
// views (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT). PostgreSQL cooks a
// view column's default against the column's type exactly as a table
// column's, so each desired default that differs from the remote view's
// is printed through a temporary table with columns of the remote view's
// types, and the printed form replaces the local one: 'x' on a text
// column becomes 'x'::text, and a NULL the server would not store goes
// away. Views the remote lacks, or whose columns it does not know, keep
// their local text.
func normalizeViewDefaults(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema) (state.DatabaseSchema, error) {
	var temps []catalog.TempTable
	var tables []state.Table
	var idx []int
	for i, v := range desired.Views {
		if v.Materialized || len(v.ColumnDefaults) == 0 {
			continue
		}
		r, ok := remote.View(v.QualName())
		if !ok && v.RenamedFrom != "" {
			r, ok = remote.View(state.QualName{Schema: v.Schema, Name: v.RenamedFrom})
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
		tt := t
		tt.Schema = ""
		temps = append(temps, catalog.TempTable{Name: v.Name,
			Statements: []string{strings.Replace(sqlgen.CreateTable(tt, nil), "CREATE TABLE ", "CREATE TEMP TABLE ", 1)}})
		tables = append(tables, t)
		idx = append(idx, i)
	}
	if len(temps) == 0 {
		return desired, nil
	}
	printed, err := catalog.PrintTemp(ctx, conn, localSearchPath, temps)
	if err != nil {
		return desired, err
	}
	out := desired
	out.Views = append([]state.View(nil), desired.Views...)
	for k, st := range printed {
		if st.Err != nil {
			continue
		}
		canon, ok := canonicalServerTable(tables[k], st)
		if !ok {
			continue
		}
		v := &out.Views[idx[k]]
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
	}
	return out, nil
}
