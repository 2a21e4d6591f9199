package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// TestOwnersWarning checks that owners, which renovate does not manage,
// are not ignored silently: objects owned by another role than the
// connected one are counted and named in a warning, the public schema
// included once it has an owner a new database would not give it.
func TestOwnersWarning(t *testing.T) {
	ctx := context.Background()
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), []string{"priv_owner"}); err != nil {
		t.Fatal(err)
	}
	warnings := func(dsn string) string {
		t.Helper()
		conn, err := connect(t, dsn)
		if err != nil {
			t.Fatal(err)
		}
		r, err := LoadRemote(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(r.Warnings, "\n")
	}

	plain := srv.NewDatabase(t)
	if err := execSQL(t, plain, "CREATE TABLE t (id serial); CREATE SCHEMA app;"); err != nil {
		t.Fatal(err)
	}
	if got := warnings(plain); strings.Contains(got, "owned by") {
		t.Errorf("warning about owners of a database owned by the connected role:\n%s", got)
	}

	owned := srv.NewDatabase(t)
	if err := execSQL(t, owned, `
CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY, n serial);
ALTER TABLE t OWNER TO priv_owner;
CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
ALTER FUNCTION f(integer) OWNER TO priv_owner;
ALTER SCHEMA public OWNER TO priv_owner;
CREATE TABLE mine (a integer);
CREATE TEXT SEARCH CONFIGURATION public.cfg (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION public.cfg OWNER TO priv_owner;
CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer);
ALTER AGGREGATE public.total(integer) OWNER TO priv_owner;
`); err != nil {
		t.Fatal(err)
	}
	got := warnings(owned)
	// Every kind that has an owner is named, definition objects too.
	want := "5 object(s) are owned by roles other than the one connected (aggregate public.total(integer) by priv_owner, " +
		"function public.f(a integer) by priv_owner, schema public by priv_owner, and 2 more): owners are not managed (owners = \"ignore\" in renovate.hcl, the default)"
	if !strings.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant a line containing:\n%s", got, want)
	}
}

// TestUnmanagedPrivilegesWarning checks that privileges the model cannot
// carry are named: an owner's revoked own privileges on an identity
// sequence (those on tables and the other kinds with ACLs are carried,
// state.OwnerRevoked), and grants changed
// on an extension's members other than routines (whose privileges the
// model carries, state.MemberPrivilege).
func TestUnmanagedPrivilegesWarning(t *testing.T) {
	ctx := context.Background()
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), []string{"priv_reader"}); err != nil {
		t.Fatal(err)
	}
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE EXTENSION citext;
GRANT EXECUTE ON FUNCTION citext(boolean) TO priv_reader;
GRANT USAGE ON TYPE citext TO priv_reader;
CREATE TABLE t (a integer GENERATED ALWAYS AS IDENTITY);
REVOKE UPDATE ON SEQUENCE t_a_seq FROM CURRENT_USER;
CREATE TABLE carried (a integer);
REVOKE DELETE ON carried FROM CURRENT_USER;
CREATE TABLE kept (a integer);
GRANT SELECT ON kept TO priv_reader;
CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION f() FROM PUBLIC;
`); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(r.Warnings, "\n")
	for _, want := range []string{
		"the owner of sequence public.t_a_seq revoked some of its own privileges",
		"the privileges of type public.citext, a member of an extension, differ from those CREATE EXTENSION gave it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no warning %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "kept") || strings.Contains(got, "carried") || strings.Contains(got, "function f()") || strings.Contains(got, "citext(boolean)") || strings.Count(got, "\n") != 1 {
		t.Errorf("unexpected warnings:\n%s", got)
	}
}

// TestForRoleBeforeObjects checks that files whose ALTER DEFAULT
// PRIVILEGES FOR ROLE names the applying role before objects in the same
// file are refused with the place, and that other roles are fine.
func TestForRoleBeforeObjects(t *testing.T) {
	ctx := context.Background()
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), []string{"priv_other", "priv_reader"}); err != nil {
		t.Fatal(err)
	}
	dsn := srv.NewDatabase(t)
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var current string
	if err := conn.QueryRow(ctx, "SELECT current_user::text").Scan(&current); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		role    string
		refused bool
	}{{current, true}, {"priv_other", false}} {
		dir := t.TempDir()
		sql := "ALTER DEFAULT PRIVILEGES FOR ROLE " + tc.role + " GRANT SELECT ON TABLES TO priv_reader;\nCREATE TABLE t (a integer);\n"
		if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(sql), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := makePlanFor(t, dsn, dir)
		switch {
		case tc.refused && (err == nil || !strings.Contains(err.Error(), "schema.sql:1:1: ALTER DEFAULT PRIVILEGES FOR ROLE "+current+" comes before objects")):
			t.Errorf("FOR ROLE %s: error %v, want a refusal naming schema.sql:1:1", tc.role, err)
		case !tc.refused && err != nil:
			t.Errorf("FOR ROLE %s: %v", tc.role, err)
		}
	}
}
