package engine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingRoles checks that roles the files name but the cluster lacks
// stop the plan with one clear error per role, saying where it is used.
func TestMissingRoles(t *testing.T) {
	dsn := srv.NewDatabase(t)
	dir := t.TempDir()
	sql := `CREATE TABLE public.t (a integer);
GRANT SELECT ON public.t TO renovate_no_such_reader;
GRANT UPDATE (a) ON public.t TO "Renovate No Such Writer";
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON public.t TO renovate_no_such_reader, PUBLIC USING (true);
CREATE POLICY q ON public.t TO renovate_no_such_policy_role USING (true);
ALTER DEFAULT PRIVILEGES FOR ROLE renovate_no_such_owner GRANT SELECT ON TABLES TO PUBLIC;
`
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(sql), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := makePlanFor(t, dsn, dir)
	var mr *MissingRolesError
	if !errors.As(err, &mr) {
		t.Fatalf("got %v, want a MissingRolesError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`role "Renovate No Such Writer" does not exist (used by table public.t): create it first; renovate does not manage roles`,
		`role "renovate_no_such_owner" does not exist (used by default privileges)`,
		`role "renovate_no_such_policy_role" does not exist (used by policy q on public.t)`,
		`role "renovate_no_such_reader" does not exist (used by table public.t)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	// PUBLIC absorbs the other roles of policy p, as in PostgreSQL: only
	// q's role is reported for policies.
	if strings.Contains(msg, "policy p on") {
		t.Errorf("policy p's roles are reported:\n%s", msg)
	}
}
