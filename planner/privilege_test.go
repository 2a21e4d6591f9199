package planner

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestMentions(t *testing.T) {
	for _, tc := range []struct {
		expr, ident string
		want        bool
	}{
		{"tenant_id = 1", "tenant_id", true},
		{"tenant_id = 1", "tenant", false},
		{"x.tenant = 1", "tenant", true},
		{`"Tenant" = 1`, "Tenant", true},
		{`"Tenant Id" = 1`, "Tenant", false},
		{"owner_id = owner", "owner", true},
		{"", "a", false},
	} {
		if got := mentions(tc.expr, tc.ident); got != tc.want {
			t.Errorf("mentions(%q, %q) = %v", tc.expr, tc.ident, got)
		}
	}
}

// TestCreatedObjectPrivileges checks that an object the plan creates gets
// exactly its desired privileges whatever default privileges could add or
// take away.
func TestCreatedObjectPrivileges(t *testing.T) {
	dp := func(role, schema, objType, grantee, priv string) state.DefaultPrivilege {
		return state.DefaultPrivilege{Role: role, Schema: schema, ObjectType: objType, Privilege: state.Privilege{Grantee: grantee, Privilege: priv}}
	}
	desired := state.DatabaseSchema{
		Schemas: []state.Schema{{Name: "app"}},
		Functions: []state.Function{{Schema: "app", Name: "f", Language: "sql", Body: "SELECT 1", Result: "integer",
			Privileges: []state.Privilege{{Grantee: "PUBLIC", Privilege: "EXECUTE"}}}},
		Tables: []state.Table{{Schema: "app", Name: "t", Columns: []state.Column{{Name: "a", Type: "integer"}},
			Privileges: []state.Privilege{{Grantee: "ro", Privilege: "SELECT"}}}},
		DefaultPrivileges: []state.DefaultPrivilege{
			dp("o", "", "functions", "o", "EXECUTE"),
			dp("o", "app", "tables", "ro", "SELECT"),
			dp("o", "app", "tables", "ro", "INSERT"),
			dp("o", "other", "tables", "x", "DELETE"),
		},
	}
	current := state.DatabaseSchema{Schemas: []state.Schema{{Name: "app"}}, DefaultPrivileges: desired.DefaultPrivileges}
	for _, tc := range []struct {
		role, want string
	}{
		// Unknown: revoke what any entry may have granted, grant what
		// may be missing.
		{"", "REVOKE INSERT ON TABLE app.t FROM ro;\n" +
			"GRANT SELECT ON TABLE app.t TO ro;\n" +
			"GRANT EXECUTE ON FUNCTION app.f() TO PUBLIC;\n"},
		// o's entries apply: t starts with SELECT and INSERT for ro, f
		// without PUBLIC's EXECUTE.
		{"o", "REVOKE INSERT ON TABLE app.t FROM ro;\n" +
			"GRANT EXECUTE ON FUNCTION app.f() TO PUBLIC;\n"},
		// Entries of another role never apply.
		{"p", "GRANT SELECT ON TABLE app.t TO ro;\n"},
	} {
		p, err := DiffWithOptions(current, desired, Options{CreatingRole: tc.role})
		if err != nil {
			t.Fatal(err)
		}
		var sql strings.Builder
		for _, s := range p.Steps {
			if s.phase == phasePrivileges {
				sql.WriteString(s.SQL)
			}
		}
		if sql.String() != tc.want {
			t.Errorf("creating role %q: privilege steps:\n%s\nwant:\n%s", tc.role, sql.String(), tc.want)
		}
	}
}

// TestRecreatedFollowsSteps: recreated's index of drop steps follows the
// steps as they grow, are filtered in place (removeSteps) and are replaced
// (setSteps), answering as a scan of the current steps would.
func TestRecreatedFollowsSteps(t *testing.T) {
	a := tableKey(state.QualName{Schema: "public", Name: "a"})
	b := tableKey(state.QualName{Schema: "public", Name: "b"})
	c := tableKey(state.QualName{Schema: "public", Name: "c"})
	d := &differ{}
	scan := func(key state.ObjectKey) bool {
		for _, s := range d.steps {
			if s.Action == ActionDrop && s.Object == key {
				return true
			}
		}
		return false
	}
	check := func(when string) {
		t.Helper()
		for _, k := range []state.ObjectKey{a, b, c} {
			if got, want := d.recreated(k), scan(k); got != want {
				t.Errorf("%s: recreated(%s) = %v, the steps say %v", when, k.Name, got, want)
			}
		}
	}
	check("no steps")
	d.add(phaseDropTable, a, ActionDrop, "DROP TABLE public.a;")
	d.add(phaseCreateTable, b, ActionCreate, "CREATE TABLE public.b ();")
	check("after a drop and a create")
	d.add(phaseDropTable, b, ActionDrop, "DROP TABLE public.b;")
	check("after a later drop")
	// Filtered in place, then grown past the length indexed before.
	d.removeSteps(a)
	d.add(phaseCreateTable, c, ActionCreate, "CREATE TABLE public.c ();")
	d.add(phaseCreateTable, c, ActionAlter, "ALTER TABLE public.c;")
	check("after removing a's steps and adding others")
	d.setSteps(append([]Step{{Object: c, Action: ActionDrop, SQL: "DROP TABLE public.c;"}}, d.steps...))
	check("after a drop put first")
	d.setSteps(nil)
	check("after the steps were emptied")
}
