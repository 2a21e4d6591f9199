package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

func priv(grantee, p string) state.Privilege { return state.Privilege{Grantee: grantee, Privilege: p} }

func grantable(grantee, p string) state.Privilege {
	return state.Privilege{Grantee: grantee, Privilege: p, Grantable: true}
}

func TestGrants(t *testing.T) {
	res, err := ParseString("g.sql", `
CREATE SCHEMA app;
CREATE TYPE app.e AS ENUM ('a');
CREATE TYPE app.f AS ENUM ('a');
CREATE TABLE app.t (id serial, a int, b text);
CREATE SEQUENCE app.s;
GRANT USAGE ON SCHEMA app TO r1, r2;
GRANT SELECT, INSERT ON app.t TO r1 WITH GRANT OPTION;
GRANT SELECT ON app.t TO r1;
GRANT SELECT (a, b), UPDATE (b) ON app.t TO r2;
GRANT ALL ON TABLE app.s TO r3;
GRANT SELECT, DELETE ON TABLE app.s TO r5;
REVOKE ALL ON TYPE app.e FROM PUBLIC;
GRANT USAGE ON TYPE app.f TO r1;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO r4;
REVOKE GRANT OPTION FOR INSERT ON app.t FROM r1;
GRANT UPDATE ON app.t TO r2;
REVOKE UPDATE ON app.t FROM r2;
`)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Schema
	check := func(what string, got, want []state.Privilege) {
		t.Helper()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", what, diff)
		}
	}
	check("schema app", s.Schemas[0].Privileges, []state.Privilege{priv("r1", "USAGE"), priv("r2", "USAGE")})
	check("type app.e", s.Types[0].Privileges, nil)
	check("type app.f", s.Types[1].Privileges, []state.Privilege{priv("PUBLIC", "USAGE"), priv("r1", "USAGE")})
	tbl, _ := s.Table(state.QualName{Schema: "app", Name: "t"})
	check("table app.t", tbl.Privileges, []state.Privilege{priv("r1", "INSERT"), grantable("r1", "SELECT")})
	col, _ := tbl.Column("a")
	check("column a", col.Privileges, []state.Privilege{priv("r2", "SELECT")})
	// The table-level REVOKE UPDATE took the column's UPDATE with it.
	col, _ = tbl.Column("b")
	check("column b", col.Privileges, []state.Privilege{priv("r2", "SELECT")})
	for _, sq := range s.Sequences {
		switch sq.Name {
		case "s":
			// ALL on TABLE means a sequence's ALL; DELETE is ignored.
			check("sequence s", sq.Privileges, []state.Privilege{
				priv("r3", "SELECT"), priv("r3", "UPDATE"), priv("r3", "USAGE"), priv("r4", "USAGE"), priv("r5", "SELECT"),
			})
		case "t_id_seq":
			check("sequence t_id_seq", sq.Privileges, []state.Privilege{priv("r4", "USAGE")})
		}
	}
}

func TestDefaultPrivileges(t *testing.T) {
	res, err := ParseString("d.sql", `
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES FOR ROLE o IN SCHEMA app GRANT SELECT ON TABLES TO r1;
ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE EXECUTE ON ROUTINES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT USAGE ON SCHEMAS TO r1;
ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT USAGE ON TYPES TO r1;
ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE USAGE ON TYPES FROM r1;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON SEQUENCES TO r2 WITH GRANT OPTION;
`)
	if err != nil {
		t.Fatal(err)
	}
	dp := func(role, schema, objType, grantee, p string, g bool) state.DefaultPrivilege {
		return state.DefaultPrivilege{Role: role, Schema: schema, ObjectType: objType, Privilege: state.Privilege{Grantee: grantee, Privilege: p, Grantable: g}}
	}
	want := []state.DefaultPrivilege{
		// FOR ROLE omitted: "" until the engine knows who applies the files.
		dp("", "", "sequences", "", "SELECT", false),
		dp("", "", "sequences", "", "UPDATE", false),
		dp("", "", "sequences", "", "USAGE", false),
		dp("", "", "sequences", "r2", "SELECT", true),
		dp("o", "", "functions", "o", "EXECUTE", false),
		dp("o", "", "schemas", "o", "CREATE", false),
		dp("o", "", "schemas", "o", "USAGE", false),
		dp("o", "", "schemas", "r1", "USAGE", false),
		// types: granted then revoked, back to the built-in default, so
		// not recorded.
		dp("o", "app", "tables", "r1", "SELECT", false),
	}
	if diff := cmp.Diff(want, res.Schema.DefaultPrivileges); diff != "" {
		t.Errorf("default privileges (-want +got):\n%s", diff)
	}
	// The canonical text reads back to the same model.
	again, err := ParseString("d2.sql", "CREATE SCHEMA app;\n"+sqlgen.DefaultPrivilegesDefinition(res.Schema.DefaultPrivileges))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.Schema.DefaultPrivileges, again.Schema.DefaultPrivileges); diff != "" {
		t.Errorf("round trip (-first +again):\n%s\n%s", diff, sqlgen.DefaultPrivilegesDefinition(res.Schema.DefaultPrivileges))
	}
}

func TestPolicies(t *testing.T) {
	res, err := ParseString("p.sql", `
CREATE TABLE t (a int, owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE t NO FORCE ROW LEVEL SECURITY;
CREATE POLICY "P 1" ON t AS RESTRICTIVE FOR SELECT TO r2, r1 USING (a > 0);
CREATE POLICY p2 ON public.t TO r1, PUBLIC WITH CHECK (owner = current_user);
CREATE POLICY p3 ON t FOR INSERT WITH CHECK (true);
ALTER POLICY "P 1" ON t TO r3 USING (a > 1);
COMMENT ON POLICY p2 ON public.t IS 'hi';
`)
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ := res.Schema.Table(state.QualName{Schema: "public", Name: "t"})
	if !tbl.RLSEnabled || tbl.RLSForced {
		t.Errorf("RLS enabled=%v forced=%v", tbl.RLSEnabled, tbl.RLSForced)
	}
	want := []state.Policy{
		{Name: "P 1", Command: "SELECT", Roles: []string{"r3"}, Using: "a > 1"},
		{Name: "p2", Permissive: true, Command: "ALL", Roles: []string{"PUBLIC"}, WithCheck: "owner = current_user", Comment: "hi"},
		{Name: "p3", Permissive: true, Command: "INSERT", Roles: []string{"PUBLIC"}, WithCheck: "true"},
	}
	if diff := cmp.Diff(want, tbl.Policies); diff != "" {
		t.Errorf("policies (-want +got):\n%s", diff)
	}
	// The table's canonical file reads back to the same table.
	text := sqlgen.TableDefinition(tbl, nil)
	again, err := ParseString("again.sql", text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	got, _ := again.Schema.Table(tbl.QualName())
	if diff := cmp.Diff(tbl, got); diff != "" {
		t.Errorf("round trip (-first +again):\n%s\n%s", diff, text)
	}
}

func TestGrantRoundTrip(t *testing.T) {
	src := `
CREATE SCHEMA "My App";
CREATE TYPE "My App".e AS ENUM ('a');
CREATE TABLE "My App".t (id serial, a int, "B" text);
CREATE SEQUENCE "My App".s;
GRANT USAGE, CREATE ON SCHEMA "My App" TO "Role One" WITH GRANT OPTION;
GRANT ALL ON "My App".t TO r1;
REVOKE MAINTAIN ON "My App".t FROM r1;
GRANT SELECT ON "My App".t TO PUBLIC;
GRANT SELECT (a, "B"), UPDATE ("B") ON "My App".t TO "Role One";
GRANT INSERT (a) ON "My App".t TO "Role One" WITH GRANT OPTION;
GRANT ALL ON SEQUENCE "My App".s, "My App".t_id_seq TO r1;
REVOKE ALL ON TYPE "My App".e FROM PUBLIC;
`
	res, err := ParseString("r.sql", src)
	if err != nil {
		t.Fatal(err)
	}
	text := sqlgen.Dump(res.Schema)
	again, err := ParseString("again.sql", text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if diff := cmp.Diff(res.Schema, again.Schema); diff != "" {
		t.Errorf("round trip (-first +again):\n%s\n%s", diff, text)
	}
	for _, want := range []string{
		`GRANT ALL ON SCHEMA "My App" TO "Role One" WITH GRANT OPTION;`,
		`GRANT SELECT ON TABLE "My App".t TO PUBLIC;`,
		`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "My App".t TO r1;`,
		`GRANT SELECT (a, "B"), UPDATE ("B") ON TABLE "My App".t TO "Role One";`,
		`GRANT INSERT (a) ON TABLE "My App".t TO "Role One" WITH GRANT OPTION;`,
		`GRANT ALL ON SEQUENCE "My App".t_id_seq TO r1;`,
		`REVOKE USAGE ON TYPE "My App".e FROM PUBLIC;`,
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
}

func TestGrantErrors(t *testing.T) {
	for _, tc := range []struct{ sql, want string }{
		{"CREATE TABLE t (a int); GRANT USAGE ON t TO r;", "invalid privilege type USAGE for table"},
		{"CREATE TABLE t (a int); GRANT SELECT (nope) ON t TO r;", "column nope of table public.t does not exist"},
		{"GRANT SELECT ON missing TO r;", "relation public.missing is defined nowhere"},
		{"CREATE TABLE t (a int); GRANT SELECT ON t TO CURRENT_USER;", "GRANT ... CURRENT_USER is not supported"},
		{"CREATE TABLE t (a int); GRANT SELECT ON t TO PUBLIC WITH GRANT OPTION;", "grant options can only be granted to roles"},
		{"CREATE VIEW v AS SELECT 1 AS a; GRANT SELECT (nope) ON v TO r;", "column nope of view public.v does not exist"},
		{"CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY); GRANT USAGE ON SEQUENCE t_b_seq TO r;", "sequence public.t_b_seq is defined nowhere"},
		{"GRANT CONNECT ON DATABASE d TO r;", "GRANT ... ON DATABASE is not managed"},
		{"CREATE SCHEMA s; ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SCHEMAS TO r;", "cannot use IN SCHEMA clause"},
		{"ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON TABLES TO r;", "invalid privilege type EXECUTE for tables"},
		{"CREATE TABLE t (a int); CREATE POLICY p ON t FOR INSERT USING (true);", "only WITH CHECK expression allowed for INSERT"},
		{"CREATE TABLE t (a int); CREATE POLICY p ON t FOR SELECT WITH CHECK (true);", "WITH CHECK cannot be applied to SELECT or DELETE"},
		{"CREATE TABLE t (a int); CREATE POLICY p ON t USING (true); CREATE POLICY p ON t USING (false);", "defined twice"},
		{"CREATE TABLE t (a int); ALTER POLICY p ON t USING (true);", "policy p for table public.t does not exist"},
		{"CREATE POLICY p ON t USING (true);", "table public.t is defined nowhere"},
	} {
		_, err := ParseString("e.sql", tc.sql)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\n  error %v, want %q", tc.sql, err, tc.want)
		}
	}
}

func TestImplicitPublicPrivileges(t *testing.T) {
	res, err := ParseString("p.sql", `
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO app;
REVOKE GRANT OPTION FOR CREATE ON SCHEMA public FROM other;
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []state.ObjectKey{
		ImplicitPublicPrivilegeKey("PUBLIC", "USAGE", false),
		ImplicitPublicPrivilegeKey("app", "USAGE", false),
		ImplicitPublicPrivilegeKey("app", "CREATE", false),
		ImplicitPublicPrivilegeKey("other", "CREATE", true),
	} {
		if _, ok := res.Locations.Get(k); !ok {
			t.Errorf("no location for %v", k)
		}
	}
	// Declared, the public schema's privileges are the files' alone.
	res, err = ParseString("p.sql", "CREATE SCHEMA IF NOT EXISTS public;\nGRANT USAGE ON SCHEMA public TO app;\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Locations.Get(ImplicitPublicPrivilegeKey("app", "USAGE", false)); ok {
		t.Error("declared public schema recorded as implicit")
	}
}

// TestGrantsInFileOrder checks what files mean when run as scripts: ALTER
// DEFAULT PRIVILEGES without FOR ROLE gives objects created after it in
// the same file its privileges, which later statements change; FOR ROLE
// and other files do not. REVOKE ... CASCADE means REVOKE.
func TestGrantsInFileOrder(t *testing.T) {
	res, err := ParseFiles([]File{
		{Path: "a.sql", SQL: `
CREATE TABLE before (a int);
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r1;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE other GRANT INSERT ON TABLES TO r2;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO r3;
CREATE TABLE after (id int GENERATED ALWAYS AS IDENTITY);
REVOKE SELECT ON after FROM r1 CASCADE;
CREATE VIEW v AS SELECT id FROM after;
GRANT UPDATE (id) ON v TO r2;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
GRANT USAGE ON SEQUENCE after_id_seq TO r4;
`},
		{Path: "b.sql", SQL: "CREATE TABLE other_file (a int);\n"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Schema
	check := func(what string, got, want []state.Privilege) {
		t.Helper()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", what, diff)
		}
	}
	for _, tc := range []struct {
		name string
		want []state.Privilege
	}{
		{"before", nil},
		{"after", nil},
		{"other_file", nil},
	} {
		tbl, _ := s.Table(state.QualName{Schema: "public", Name: tc.name})
		check("table "+tc.name, tbl.Privileges, tc.want)
	}
	tbl, _ := s.Table(state.QualName{Schema: "public", Name: "after"})
	col, _ := tbl.Column("id")
	check("identity sequence", col.IdentityPrivileges, []state.Privilege{priv("r3", "USAGE"), priv("r4", "USAGE")})
	check("view", s.Views[0].Privileges, []state.Privilege{priv("r1", "SELECT")})
	check("view column", s.Views[0].ColumnPrivileges["id"], []state.Privilege{priv("r2", "UPDATE")})
	check("function", s.Functions[0].Privileges, nil)
	if len(s.DefaultPrivileges) == 0 {
		t.Error("default privileges not recorded")
	}
}
