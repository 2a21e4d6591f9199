package normalize

import (
	"context"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// tables is the server tier for the expression-bearing parts of tables
// that differ from the remote (types, defaults, generated columns,
// CHECK/UNIQUE/PRIMARY KEY/EXCLUDE definitions, index definitions): a
// temporary copy of each such table is printed by PostgreSQL, and its
// printing replaces the local text. Tables equal to the remote cost
// nothing.
func tables(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	var temps []catalog.TempTable
	var idx []int
	for i, t := range desired.Tables {
		r, ok := srv.remote.Table(t.QualName())
		if !ok && t.RenamedFrom != "" {
			r, ok = srv.remote.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom})
		}
		if !ok || !expressionsDiffer(t, r) {
			continue
		}
		temps = append(temps, tempTable(t))
		idx = append(idx, i)
	}
	return printEach(ctx, srv, desired, temps, catalog.PrintTemp, func(out *state.DatabaseSchema, k int, st catalog.ServerTable) {
		if st.Err != nil {
			return
		}
		t := &out.Tables[idx[k]]
		if canon, ok := canonicalServerTable(*t, st); ok {
			state.Own(t)
			mergeServerForms(t, canon)
		}
	})
}

// expressionsDiffer reports whether a desired table and its remote
// counterpart differ in any part the server tier can re-print.
func expressionsDiffer(t, r state.Table) bool {
	for _, c := range t.Columns {
		rc, ok := r.Column(c.Name)
		if !ok && c.RenamedFrom != "" {
			rc, ok = r.Column(c.RenamedFrom) // a declared rename
		}
		if ok && (rc.Type != c.Type || rc.Collation != c.Collation || rc.Default != c.Default || rc.Generated != c.Generated) {
			return true
		}
	}
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintForeignKey {
			continue
		}
		for _, rc := range r.Constraints {
			if (rc.Name == c.Name || c.RenamedFrom != "" && rc.Name == c.RenamedFrom) && rc.Definition != c.Definition {
				return true
			}
		}
	}
	for _, ix := range t.Indexes {
		for _, rx := range r.Indexes {
			if rx.Name == ix.Name && rx.Definition != ix.Definition {
				return true
			}
		}
	}
	return false
}

// tempTable builds the statements creating t as pg_temp.<name>, without
// foreign keys (they would need the referenced tables' locks and add
// nothing: their definitions hold no expressions).
func tempTable(t state.Table) catalog.TempTable {
	tt := standaloneCopy(t)
	tt.Schema = ""
	tt.Unlogged = false
	// A foreign table's expressions print the same on an ordinary
	// temporary table, which needs no server.
	tt.Foreign = nil
	tt.Columns = append([]state.Column(nil), tt.Columns...)
	for i := range tt.Columns {
		tt.Columns[i].FDWOptions = nil
	}
	var cons []state.Constraint
	for _, c := range t.Constraints {
		if c.Kind != state.ConstraintForeignKey {
			cons = append(cons, c)
		}
	}
	stmts := []string{sqlgen.CreateTempTable(tt, cons)}
	temp := state.QualName{Schema: "pg_temp", Name: t.Name}
	for _, ix := range t.Indexes {
		if def, ok := sqlgen.IndexDefinitionOn(ix, t.QualName(), temp); ok {
			stmts = append(stmts, def)
		}
	}
	return catalog.TempTable{Name: t.Name, Statements: stmts}
}

// canonicalServerTable turns PostgreSQL's printing of a temporary copy of
// t back into t's canonical model, through the same printer and parser as
// every other object.
func canonicalServerTable(t state.Table, st catalog.ServerTable) (state.Table, bool) {
	pt := state.Table{Schema: t.Schema, Name: t.Name}
	for _, c := range st.Columns {
		pt.Columns = append(pt.Columns, state.Column{Name: c.Name, Type: c.Type, Collation: c.Collation, Default: c.Default, Generated: c.Generated})
	}
	for _, c := range st.Constraints {
		pt.Constraints = append(pt.Constraints, state.Constraint{Name: c.Name, Definition: strings.TrimSuffix(c.Definition, " NOT VALID")})
	}
	for _, ix := range st.Indexes {
		def, ok := requalifyIndex(ix.Definition, t)
		if !ok {
			continue
		}
		pt.Indexes = append(pt.Indexes, state.Index{Name: ix.Name, Definition: def})
	}
	// The schema is declared so the parser accepts the table on its own.
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.TableDefinition(pt, nil)
	res, err := parseServer("(server normalization of "+t.QualName().String()+")", text)
	if err != nil {
		return state.Table{}, false
	}
	got, ok := res.Schema.Table(t.QualName())
	return got, ok
}

// requalifyIndex points an index definition printed for the temporary
// table ("CREATE INDEX i ON users USING btree (a)") at the real table.
func requalifyIndex(def string, t state.Table) (string, bool) {
	on := strings.Index(def, " ON ")
	if on < 0 {
		return "", false
	}
	using := strings.Index(def[on:], " USING ")
	if using < 0 {
		return "", false
	}
	return def[:on] + " ON " + sqlgen.QualifiedName(t.Schema, t.Name) + def[on+using:], true
}

// mergeServerForms copies the server-printed parts of canon into t.
func mergeServerForms(t *state.Table, canon state.Table) {
	for i := range t.Columns {
		c := &t.Columns[i]
		if sc, ok := canon.Column(c.Name); ok {
			c.Type, c.Collation, c.Default, c.Generated = sc.Type, sc.Collation, sc.Default, sc.Generated
		}
	}
	for i := range t.Constraints {
		c := &t.Constraints[i]
		if c.Kind == state.ConstraintForeignKey {
			continue
		}
		for _, sc := range canon.Constraints {
			if sc.Name == c.Name && sc.Kind == c.Kind {
				c.Definition = keepTablespace(c.Definition, sc.Definition, " USING INDEX TABLESPACE ", constraintTails)
			}
		}
	}
	for i := range t.Indexes {
		for _, sx := range canon.Indexes {
			if sx.Name == t.Indexes[i].Name {
				t.Indexes[i].Definition = keepTablespace(t.Indexes[i].Definition, sx.Definition, " TABLESPACE ", indexTails)
			}
		}
	}
}

// The clauses a tablespace clause comes before: an index's predicate; a
// constraint's deferrability and an exclusion constraint's predicate.
var (
	indexTails      = []string{" WHERE "}
	constraintTails = []string{" DEFERRABLE", " NOT DEFERRABLE", " INITIALLY ", " WHERE ("}
)

// keepTablespace returns the server's printing of an index or constraint
// with the local definition's tablespace clause (marker and the name after
// it) put back: pg_get_indexdef and pg_get_constraintdef leave tablespaces
// out (the catalog adds them from pg_class.reltablespace), so without it
// a changed tablespace would compare equal and never be planned.
func keepTablespace(local, server, marker string, tails []string) string {
	i := strings.Index(local, marker)
	if i < 0 || strings.Contains(server, marker) {
		return server
	}
	clause := local[i:]
	if j := firstOf(clause[len(marker):], tails); j >= 0 {
		clause = clause[:len(marker)+j]
	}
	if j := firstOf(server, tails); j >= 0 {
		return server[:j] + clause + server[j:]
	}
	return server + clause
}

// firstOf returns the position of the first of tails in s, -1 for none.
func firstOf(s string, tails []string) int {
	at := -1
	for _, t := range tails {
		if j := strings.Index(s, t); j >= 0 && (at < 0 || j < at) {
			at = j
		}
	}
	return at
}
