package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// TestOwnerRevokesFollowTheOwner checks how files name an owner that
// revoked its own privileges when owners are not managed: init writes the
// REVOKE against the owner the database has (here not the connected
// role), a plan against those files is empty, a changed REVOKE is planned
// against that owner, and a REVOKE from a role that does not own the
// object and holds nothing is what PostgreSQL makes of it: nothing, so the
// owner gets back what the files no longer revoke from it.
func TestOwnerRevokesFollowTheOwner(t *testing.T) {
	ctx := context.Background()
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), []string{"selfrev_other", "selfrev_stranger"}); err != nil {
		t.Fatal(err)
	}
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE TABLE t (a integer);
ALTER TABLE t OWNER TO selfrev_other;
REVOKE DELETE ON t FROM selfrev_other;
CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION f() FROM CURRENT_USER;
`); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var current string
	if err := conn.QueryRow(ctx, "SELECT current_user::text").Scan(&current); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	text := r.Text()
	for _, want := range []string{
		"REVOKE DELETE ON TABLE public.t FROM selfrev_other;\n",
		"REVOKE EXECUTE ON FUNCTION public.f() FROM " + current + ";\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the files lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "revoked some of its own") || strings.Contains(strings.Join(r.Warnings, "\n"), "revoked some of its own") {
		t.Errorf("an owner's revokes on a table and a function are reported as unmanaged: %q", r.Warnings)
	}
	dir := t.TempDir()
	if _, err := r.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	p, err := makePlanFor(t, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() {
		t.Fatalf("plan against the files init writes is not empty:\n%s", planSQL(p))
	}

	tableFile := filepath.Join(dir, "public", "tables", "t.sql")
	b, err := os.ReadFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		revoke, want string
	}{
		// One more revoked: against the owner the database has.
		{"REVOKE UPDATE, DELETE ON TABLE public.t FROM selfrev_other;", "REVOKE UPDATE ON TABLE public.t FROM selfrev_other;"},
		// pg_dump's form means the same (MAINTAIN, PostgreSQL 17's, is
		// dropped on older servers).
		{"REVOKE ALL ON TABLE public.t FROM selfrev_other;\nGRANT SELECT, INSERT, UPDATE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE public.t TO selfrev_other;", ""},
		// Not the owner: the REVOKE does nothing, and the owner regains
		// DELETE.
		{"REVOKE DELETE ON TABLE public.t FROM selfrev_stranger;", "GRANT DELETE ON TABLE public.t TO selfrev_other;"},
	} {
		edited := strings.Replace(string(b), "REVOKE DELETE ON TABLE public.t FROM selfrev_other;", tc.revoke, 1)
		if edited == string(b) && tc.revoke != "REVOKE DELETE ON TABLE public.t FROM selfrev_other;" {
			t.Fatalf("the table's file lacks the owner's REVOKE:\n%s", b)
		}
		if err := os.WriteFile(tableFile, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := makePlanFor(t, dsn, dir)
		if err != nil {
			t.Fatal(err)
		}
		var sqls []string
		for _, st := range p.Steps {
			sqls = append(sqls, strings.TrimSpace(st.SQL))
		}
		got := strings.Join(sqls, "\n")
		if got != tc.want {
			t.Errorf("files with %q: plan\n%s\nwant\n%s", tc.revoke, got, tc.want)
		}
	}
}
