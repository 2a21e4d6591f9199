package engine

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// TestPrepareSecurityLeavesDesired checks that prepareSecurity, which
// copies only what it changes (securityCopy) instead of the whole model,
// never changes the model it is given: in a no-op plan that model is
// also the remote's. It strips the owner's privileges from every kind of
// object that has some (schema, table, column, identity sequence, view
// and view column, sequence, function) and resolves owner revokes and
// default privileges, and its result is the one it gives on a deep copy.
func TestPrepareSecurityLeavesDesired(t *testing.T) {
	ctx := context.Background()
	// A grantee sorting after the owner, so that stripping the owner's
	// privileges in place would show in desired.
	const other = "zz_renovate_security_copy"
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), []string{other}); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	var me string
	if err := conn.QueryRow(ctx, "SELECT current_user::text").Scan(&me); err != nil {
		t.Fatal(err)
	}
	role := sqlgen.QuoteIdent(me)
	sql := fmt.Sprintf(`CREATE SCHEMA s;
GRANT USAGE ON SCHEMA s TO %[1]s, PUBLIC, %[2]s;
CREATE TABLE s.t (id integer GENERATED ALWAYS AS IDENTITY, a text, b text);
GRANT SELECT ON s.t TO %[1]s, PUBLIC, %[2]s;
GRANT UPDATE (a) ON s.t TO %[1]s, PUBLIC, %[2]s;
GRANT UPDATE (b) ON s.t TO PUBLIC;
GRANT USAGE ON SEQUENCE s.t_id_seq TO %[1]s, PUBLIC, %[2]s;
CREATE TABLE s.plain (x integer);
REVOKE ALL ON s.plain FROM %[1]s;
GRANT SELECT ON s.plain TO %[1]s;
CREATE VIEW s.v AS SELECT a, b FROM s.t;
GRANT SELECT ON s.v TO %[1]s, PUBLIC, %[2]s;
GRANT SELECT (a) ON s.v TO %[1]s, PUBLIC, %[2]s;
GRANT SELECT (b) ON s.v TO %[1]s;
GRANT SELECT (b) ON s.t TO %[2]s, %[1]s;
CREATE SEQUENCE s.q;
GRANT USAGE ON SEQUENCE s.q TO %[1]s, PUBLIC, %[2]s;
CREATE FUNCTION s.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
GRANT EXECUTE ON FUNCTION s.f() TO %[1]s, PUBLIC, %[2]s;
ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO PUBLIC;
`, role, other)
	// Three identical models (the parser is deterministic; Clone is not
	// an exact copy: it has JSON's semantics).
	parse := func() state.DatabaseSchema {
		t.Helper()
		res, err := parser.ParseString("schema.sql", sql)
		if err != nil {
			t.Fatal(err)
		}
		return res.Schema
	}
	desired, before, third := parse(), parse(), parse()
	if !reflect.DeepEqual(desired, before) {
		t.Fatal("two parses of the same file differ")
	}
	out, err := prepareSecurity(ctx, conn, desired)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(desired, before) {
		t.Fatalf("prepareSecurity changed the model it was given:\n got %+v\nwant %+v", desired, before)
	}
	want, err := prepareSecurity(ctx, conn, third)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out, want) {
		t.Fatalf("prepareSecurity is not deterministic:\n got %+v\nwant %+v", out, want)
	}
	// The owner's privileges are gone from the copy, kept in desired.
	owned := func(ps []state.Privilege) bool {
		for _, p := range ps {
			if p.Grantee == me {
				return true
			}
		}
		return false
	}
	tbl, ok := out.Table(state.QualName{Schema: "s", Name: "t"})
	if !ok {
		t.Fatal("no table s.t")
	}
	orig, _ := desired.Table(state.QualName{Schema: "s", Name: "t"})
	a, _ := tbl.Column("a")
	origA, _ := orig.Column("a")
	if owned(tbl.Privileges) || owned(a.Privileges) || !owned(orig.Privileges) || !owned(origA.Privileges) {
		t.Errorf("owner's privileges: copy %v / %v, desired %v / %v", tbl.Privileges, a.Privileges, orig.Privileges, origA.Privileges)
	}
	for _, v := range out.Views {
		if _, ok := v.ColumnPrivileges["b"]; ok {
			t.Errorf("view column b keeps its owner-only privileges: %v", v.ColumnPrivileges)
		}
	}
	for _, v := range desired.Views {
		if _, ok := v.ColumnPrivileges["b"]; !ok {
			t.Errorf("desired lost view column b's privileges: %v", v.ColumnPrivileges)
		}
	}
	if len(out.DefaultPrivileges) != 1 || out.DefaultPrivileges[0].Role != me || desired.DefaultPrivileges[0].Role != "" {
		t.Errorf("default privileges: copy %+v, desired %+v", out.DefaultPrivileges, desired.DefaultPrivileges)
	}
}
