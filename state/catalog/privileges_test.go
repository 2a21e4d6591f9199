package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/state"
)

// addDefaultPrivileges adds to an expected model the privileges every
// database has without a GRANT: PUBLIC's USAGE on types and EXECUTE on
// routines, and the public schema's (USAGE for PUBLIC; CREATE too before
// PostgreSQL 15).
func addDefaultPrivileges(s *state.DatabaseSchema, major int) {
	for i := range s.Types {
		s.Types[i].Privileges = append(s.Types[i].Privileges, state.PublicDefaults(state.KindType)...)
	}
	for i := range s.Functions {
		s.Functions[i].Privileges = append(s.Functions[i].Privileges, state.PublicDefaults(s.Functions[i].Key().Kind)...)
	}
	for i := range s.Schemas {
		if s.Schemas[i].Name != "public" {
			continue
		}
		s.Schemas[i].Privileges = append(s.Schemas[i].Privileges, state.Privilege{Grantee: state.Public, Privilege: "USAGE"})
		if major < 15 {
			s.Schemas[i].Privileges = append(s.Schemas[i].Privileges, state.Privilege{Grantee: state.Public, Privilege: "CREATE"})
		}
	}
	s.Normalize()
}

// TestIntrospectSecurity reads privileges (with defaults filled in and the
// owner's left out), column privileges, default privileges, row security
// switches and policies.
func TestIntrospectSecurity(t *testing.T) {
	t.Parallel()
	if err := pgtest.EnsureRoles(testContext(t), srv.AdminDSN(), []string{"cat_ro", "Cat Writer"}); err != nil {
		t.Fatal(err)
	}
	_, conn := newDatabase(t, `
CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO cat_ro;
GRANT ALL ON SCHEMA app TO "Cat Writer" WITH GRANT OPTION;
CREATE TYPE app.e AS ENUM ('a');
CREATE TYPE app.hidden AS ENUM ('a');
REVOKE ALL ON TYPE app.hidden FROM PUBLIC;
CREATE SEQUENCE app.s;
GRANT USAGE ON SEQUENCE app.s TO cat_ro;
CREATE TABLE app.t (id integer, secret text, "Note" text);
GRANT SELECT ON app.t TO cat_ro;
GRANT SELECT ON app.t TO cat_ro;
GRANT INSERT, UPDATE ON app.t TO "Cat Writer" WITH GRANT OPTION;
GRANT UPDATE ("Note") ON app.t TO cat_ro;
-- a grant by another grantor collapses with the owner's
SET ROLE "Cat Writer";
GRANT INSERT ON app.t TO cat_ro;
RESET ROLE;
GRANT INSERT ON app.t TO cat_ro;
-- grants to the owner are not recorded
REVOKE ALL ON app.t FROM CURRENT_USER;
GRANT SELECT ON app.t TO CURRENT_USER;
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.t FORCE ROW LEVEL SECURITY;
CREATE POLICY p ON app.t AS RESTRICTIVE FOR UPDATE TO cat_ro, "Cat Writer"
    USING (id > 0) WITH CHECK (secret IS NOT NULL);
CREATE POLICY "all" ON app.t USING (current_setting('x')::int = id);
COMMENT ON POLICY "all" ON app.t IS 'everyone';
ALTER DEFAULT PRIVILEGES FOR ROLE "Cat Writer" IN SCHEMA app GRANT SELECT ON TABLES TO cat_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE "Cat Writer" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
`)
	got := introspect(t, conn)
	schemaOf := func(name string) state.Schema {
		for _, s := range got.Schemas {
			if s.Name == name {
				return s
			}
		}
		return state.Schema{}
	}
	pr := func(g, p string, grantable bool) state.Privilege {
		return state.Privilege{Grantee: g, Privilege: p, Grantable: grantable}
	}
	check := func(what string, want, got any) {
		t.Helper()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", what, diff)
		}
	}
	check("schema app", []state.Privilege{pr("Cat Writer", "CREATE", true), pr("Cat Writer", "USAGE", true), pr("cat_ro", "USAGE", false)}, schemaOf("app").Privileges)
	check("types", [][]state.Privilege{{pr("PUBLIC", "USAGE", false)}, nil}, [][]state.Privilege{got.Types[0].Privileges, got.Types[1].Privileges})
	check("sequence", []state.Privilege{pr("cat_ro", "USAGE", false)}, got.Sequences[0].Privileges)
	tbl := got.Tables[0]
	check("table", []state.Privilege{
		pr("Cat Writer", "INSERT", true), pr("Cat Writer", "UPDATE", true),
		pr("cat_ro", "INSERT", false), pr("cat_ro", "SELECT", false),
	}, tbl.Privileges)
	check("columns", [][]state.Privilege{nil, nil, {pr("cat_ro", "UPDATE", false)}},
		[][]state.Privilege{tbl.Columns[0].Privileges, tbl.Columns[1].Privileges, tbl.Columns[2].Privileges})
	if !tbl.RLSEnabled || !tbl.RLSForced {
		t.Errorf("row security enabled=%v forced=%v", tbl.RLSEnabled, tbl.RLSForced)
	}
	check("policies", []state.Policy{
		{Name: "all", Permissive: true, Command: "ALL", Roles: []string{"PUBLIC"},
			Using: "((current_setting('x'::text))::integer = id)", Comment: "everyone"},
		{Name: "p", Command: "UPDATE", Roles: []string{"Cat Writer", "cat_ro"}, Using: "(id > 0)", WithCheck: "(secret IS NOT NULL)"},
	}, tbl.Policies)
	dp := func(schema, objType, grantee, p string) state.DefaultPrivilege {
		return state.DefaultPrivilege{Role: "Cat Writer", Schema: schema, ObjectType: objType, Privilege: state.Privilege{Grantee: grantee, Privilege: p}}
	}
	check("default privileges", []state.DefaultPrivilege{
		dp("", "functions", "Cat Writer", "EXECUTE"),
		dp("app", "tables", "cat_ro", "SELECT"),
	}, got.DefaultPrivileges)
}
