package sqlgen

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func p(grantee, priv string, grantable bool) state.Privilege {
	return state.Privilege{Grantee: grantee, Privilege: priv, Grantable: grantable}
}

func TestPrivilegesDefinition(t *testing.T) {
	fn := state.ObjectKey{Kind: state.KindFunction, Schema: "app", Name: "f", Signature: "(a integer)"}
	for _, tc := range []struct {
		name string
		key  state.ObjectKey
		ps   []state.Privilege
		want string
	}{
		{"function with PUBLIC default", fn, []state.Privilege{p("PUBLIC", "EXECUTE", false)}, ""},
		{"function without PUBLIC", fn, []state.Privilege{p("app", "EXECUTE", true)},
			"REVOKE EXECUTE ON FUNCTION app.f(a integer) FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION app.f(a integer) TO app WITH GRANT OPTION;\n"},
		{"table groups", state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "Order"}, []state.Privilege{
			p("rw", "UPDATE", false), p("rw", "SELECT", false), p("PUBLIC", "SELECT", false), p("rw", "DELETE", true),
		}, "GRANT SELECT ON TABLE public.\"Order\" TO PUBLIC;\n" +
			"GRANT SELECT, UPDATE ON TABLE public.\"Order\" TO rw;\n" +
			"GRANT DELETE ON TABLE public.\"Order\" TO rw WITH GRANT OPTION;\n"},
		{"sequence ALL", state.ObjectKey{Kind: state.KindSequence, Schema: "public", Name: "s"}, []state.Privilege{
			p("r", "USAGE", false), p("r", "UPDATE", false), p("r", "SELECT", false),
		}, "GRANT ALL ON SEQUENCE public.s TO r;\n"},
		{"type without PUBLIC", state.ObjectKey{Kind: state.KindType, Schema: "public", Name: "t"}, nil,
			"REVOKE USAGE ON TYPE public.t FROM PUBLIC;\n"},
	} {
		if got := PrivilegesDefinition(tc.key, tc.ps); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestDiffPrivileges(t *testing.T) {
	key := state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "t"}
	from := []state.Privilege{p("a", "SELECT", true), p("a", "INSERT", false), p("b", "SELECT", false)}
	to := []state.Privilege{p("a", "SELECT", false), p("b", "SELECT", true), p("b", "UPDATE", false), p("c", "TRIGGER", false)}
	got := strings.Join(PrivilegeChangeStatements(key, DiffPrivileges(from, to)), "")
	want := "REVOKE INSERT ON TABLE public.t FROM a;\n" +
		"REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM a;\n" +
		"GRANT UPDATE ON TABLE public.t TO b;\n" +
		"GRANT SELECT ON TABLE public.t TO b WITH GRANT OPTION;\n" +
		"GRANT TRIGGER ON TABLE public.t TO c;\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if !DiffPrivileges(from, from).Empty() {
		t.Error("no change expected")
	}
}

func TestDefaultPrivilegesDefinition(t *testing.T) {
	dp := func(role, schema, objType string, pr state.Privilege) state.DefaultPrivilege {
		return state.DefaultPrivilege{Role: role, Schema: schema, ObjectType: objType, Privilege: pr}
	}
	got := DefaultPrivilegesDefinition([]state.DefaultPrivilege{
		dp("o", "", "functions", p("o", "EXECUTE", false)),
		dp("o", "app", "tables", p("r", "SELECT", false)),
		dp("o", "app", "tables", p("r", "INSERT", false)),
		dp("o", "", "schemas", p("o", "USAGE", false)),
		dp("o", "", "schemas", p("o", "CREATE", false)),
		dp("o", "", "schemas", p("r", "USAGE", true)),
	})
	want := "ALTER DEFAULT PRIVILEGES FOR ROLE o REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n" +
		"ALTER DEFAULT PRIVILEGES FOR ROLE o GRANT USAGE ON SCHEMAS TO r WITH GRANT OPTION;\n" +
		"ALTER DEFAULT PRIVILEGES FOR ROLE o IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO r;\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
