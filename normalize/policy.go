package normalize

import (
	"context"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// policies is the server tier for policy expressions: a USING or
// WITH CHECK clause written as `tenant_id = current_setting('app.tenant')::int`
// is stored as `(tenant_id = (current_setting('app.tenant'::text))::integer)`.
// For each desired table with a policy whose expressions differ from the
// remote policy of the same name, a temporary copy of the table (columns
// only) gets the table's policies, and PostgreSQL's printing of them
// replaces the local text.
func policies(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	var temps []catalog.TempTable
	var idx []int
	for i, t := range desired.Tables {
		r, ok := srv.remote.Table(t.QualName())
		if !ok && t.RenamedFrom != "" {
			r, ok = srv.remote.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom})
		}
		if !ok || !policiesDiffer(t, r) {
			continue
		}
		temps = append(temps, policyTempTable(t))
		idx = append(idx, i)
	}
	return printEach(ctx, srv, desired, temps, catalog.PrintTemp, func(out *state.DatabaseSchema, k int, st catalog.ServerTable) {
		if st.Err == nil {
			t := &out.Tables[idx[k]]
			state.Own(t)
			mergeServerPolicies(t, st.Policies)
		}
	})
}

// policiesDiffer reports whether a desired table has a policy whose
// expressions differ from the remote policy of the same name.
func policiesDiffer(t, r state.Table) bool {
	for _, p := range t.Policies {
		for _, rp := range r.Policies {
			if rp.Name == p.Name && (rp.Using != p.Using || rp.WithCheck != p.WithCheck) {
				return true
			}
		}
	}
	return false
}

// policyColumns are t's columns with only what a policy expression can
// see: names, types and collations.
func policyColumns(t state.Table) []state.Column {
	cols := make([]state.Column, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = state.Column{Name: c.Name, Type: c.Type, Collation: c.Collation}
	}
	return cols
}

// policyTempTable builds the statements creating pg_temp.<name> with t's
// columns and policies.
func policyTempTable(t state.Table) catalog.TempTable {
	tt := state.Table{Name: t.Name, Columns: policyColumns(t)}
	stmts := []string{sqlgen.CreateTempTable(tt, nil)}
	temp := state.QualName{Schema: "pg_temp", Name: t.Name}
	for _, p := range t.Policies {
		stmts = append(stmts, sqlgen.CreatePolicy(temp, p))
	}
	return catalog.TempTable{Name: t.Name, Statements: stmts}
}

// mergeServerPolicies replaces the expressions of t's policies by the
// canonical form of PostgreSQL's printing of them, read back through the
// same printer and parser as the remote's.
func mergeServerPolicies(t *state.Table, printed []catalog.ServerPolicy) {
	pt := state.Table{Schema: t.Schema, Name: t.Name, Columns: policyColumns(*t)}
	for _, sp := range printed {
		// A policy reading its own table by an unqualified name reads the
		// temporary copy there: its printing names pg_temp_N and is no
		// use. It keeps its local text.
		if strings.Contains(sp.Using, "pg_temp") || strings.Contains(sp.WithCheck, "pg_temp") {
			continue
		}
		for _, p := range t.Policies {
			if p.Name == sp.Name {
				p.Using, p.WithCheck, p.Comment = sp.Using, sp.WithCheck, ""
				pt.Policies = append(pt.Policies, p)
			}
		}
	}
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.TableDefinition(pt, nil)
	res, err := parseServer("(server normalization of the policies of "+t.QualName().String()+")", text)
	if err != nil {
		return
	}
	got, ok := res.Schema.Table(t.QualName())
	if !ok {
		return
	}
	for i := range t.Policies {
		for _, gp := range got.Policies {
			if gp.Name == t.Policies[i].Name {
				t.Policies[i].Using, t.Policies[i].WithCheck = gp.Using, gp.WithCheck
			}
		}
	}
}
