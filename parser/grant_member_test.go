package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// TestMemberPrivileges: GRANT and REVOKE on routines no file defines,
// when the files create an extension, are privileges of the extension's
// routines, applied in order; they print back to the same model. Without
// an extension, or without argument types, the routine is defined nowhere.
func TestMemberPrivileges(t *testing.T) {
	res, err := ParseString("extensions.sql", `CREATE EXTENSION pgcrypto;
REVOKE ALL ON FUNCTION digest(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.digest(text, text) TO app WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) TO app;
REVOKE EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) FROM app;
GRANT ALL ON PROCEDURE public.p(integer) TO "Mixed";
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []state.MemberPrivilege{
		{Schema: "public", Name: "digest", Arguments: "text, text", Privilege: state.Privilege{Grantee: "PUBLIC", Privilege: "EXECUTE"}, Revoked: true},
		{Schema: "public", Name: "digest", Arguments: "text, text", Privilege: state.Privilege{Grantee: "app", Privilege: "EXECUTE", Grantable: true}},
		{Schema: "public", Name: "hmac", Arguments: "bytea, bytea, text", Privilege: state.Privilege{Grantee: "app", Privilege: "EXECUTE"}, Revoked: true},
		{Schema: "public", Name: "p", Arguments: "integer", Procedure: true, Privilege: state.Privilege{Grantee: "Mixed", Privilege: "EXECUTE"}},
	}
	got := res.Schema.MemberPrivileges
	(&state.DatabaseSchema{MemberPrivileges: got}).Normalize()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("member privileges (-want +got):\n%s", diff)
	}
	again, err := ParseString("extensions.sql", "CREATE EXTENSION pgcrypto;\n"+sqlgen.MemberPrivileges(got))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, again.Schema.MemberPrivileges); diff != "" {
		t.Errorf("round trip (-first +again):\n%s", diff)
	}

	for _, src := range []string{
		"REVOKE ALL ON FUNCTION public.digest(text, text) FROM PUBLIC;",
		"CREATE EXTENSION pgcrypto; REVOKE ALL ON FUNCTION public.digest FROM PUBLIC;",
		"CREATE EXTENSION pgcrypto; CREATE FUNCTION public.digest(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a'; REVOKE ALL ON FUNCTION public.digest(text, text) FROM PUBLIC;",
	} {
		if _, err := ParseString("x.sql", src); err == nil || !strings.Contains(err.Error(), "defined nowhere") {
			t.Errorf("%s: err = %v, want defined nowhere", src, err)
		}
	}
	if _, err := ParseString("x.sql", "CREATE EXTENSION pgcrypto; REVOKE GRANT OPTION FOR EXECUTE ON FUNCTION public.digest(text, text) FROM app;"); err == nil {
		t.Errorf("REVOKE GRANT OPTION FOR on an extension's routine must be refused")
	}
}
