package catalog

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// settledSetup is a database whose owners' keys depend on the search
// path: routines and an operator over a type in public, and tables named
// as the catalogs that a search path putting public first would read
// instead of them.
var settledSetup = []string{
	`CREATE ROLE settled_owner`,
	`CREATE TYPE public.mood AS ENUM ('a', 'b')`,
	`CREATE SCHEMA app`,
	`CREATE TYPE app.level AS ENUM ('x')`,
	`CREATE FUNCTION public.f(m mood) RETURNS int LANGUAGE sql AS 'SELECT 1'`,
	`CREATE FUNCTION app.g(l app.level, m mood) RETURNS boolean LANGUAGE sql AS 'SELECT true'`,
	`CREATE OPERATOR app.=== (LEFTARG = app.level, RIGHTARG = mood, FUNCTION = app.g)`,
	`ALTER FUNCTION public.f(mood) OWNER TO settled_owner`,
	`ALTER FUNCTION app.g(app.level, mood) OWNER TO settled_owner`,
	`ALTER OPERATOR app.=== (app.level, mood) OWNER TO settled_owner`,
	`CREATE TABLE public.pg_class (oid oid, relname name, relnamespace oid, relkind "char", relowner oid)`,
	`CREATE TABLE public.pg_depend (classid oid, objid oid, objsubid int, deptype "char")`,
	// A better match than pg_catalog.starts_with(text, text) for the
	// name-typed argument the queries pass: under the default search path
	// it, not the catalog's, is called by a query parsed under that path.
	`CREATE FUNCTION public.starts_with(name, text) RETURNS boolean LANGUAGE plpgsql AS $$
	BEGIN RAISE EXCEPTION 'public.starts_with was called'; END $$`,
}

// TestOwnersUnderRoleSettings: the owners, unmanaged objects, unmanaged
// privileges, unmanaged dependents and extension routines' initial
// privileges are read with the introspection's
// session settings whatever the session's are. Before, the owners query ran
// under the session's search path: a routine over a type in public was
// keyed "(m mood)" there and "(m public.mood)" in the model, so with owners
// = "manage" its OWNER TO was silently left out of the files. And with
// public ahead of pg_catalog on the path, the queries read the user's
// tables named pg_class and pg_depend; under the default path, they called
// a function of public's that matched their arguments better than the
// catalog's (CVE-2018-1058's attack): the introspection itself prepared
// its queries before its settings had run.
func TestOwnersUnderRoleSettings(t *testing.T) {
	for _, path := range []string{`public, pg_catalog`, `"$user", public`} {
		t.Run(path, func(t *testing.T) { testOwnersUnderPath(t, path) })
	}
}

func testOwnersUnderPath(t *testing.T, searchPath string) {
	ctx := testContext(t)
	_, conn := newDatabase(t, settledSetup...)
	t.Cleanup(func() {
		_, _ = conn.Exec(context.Background(), `ROLLBACK; REASSIGN OWNED BY settled_owner TO CURRENT_USER; DROP ROLE settled_owner`)
	})
	if _, err := conn.Exec(ctx, `SET search_path = `+searchPath); err != nil {
		t.Fatal(err)
	}
	model, err := Introspect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[state.ObjectKey]bool{}
	for _, f := range model.Functions {
		keys[f.Key()] = true
	}
	for _, o := range model.Objects {
		keys[o.Key()] = true
	}
	check := func(t *testing.T) {
		owners, err := Owners(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range owners {
			if o.Role != "settled_owner" {
				continue
			}
			got = append(got, o.Object.String())
			if !keys[o.Object] {
				t.Errorf("owner of %v: the model has no object with that key", o.Object)
			}
		}
		if len(got) != 3 {
			t.Errorf("objects owned by settled_owner: %q, want the two functions and the operator", got)
		}
		if _, err := Unmanaged(ctx, conn); err != nil {
			t.Error(err)
		}
		if _, err := UnmanagedPrivileges(ctx, conn); err != nil {
			t.Error(err)
		}
		if _, err := UnmanagedDependents(ctx, conn); err != nil {
			t.Error(err)
		}
		if _, err := ExtensionRoutineInitPrivileges(ctx, conn); err != nil {
			t.Error(err)
		}
		var path string
		if err := conn.QueryRow(ctx, `SHOW search_path`).Scan(&path); err != nil {
			t.Fatal(err)
		}
		if path != searchPath {
			t.Errorf("search_path after the reads = %q, want the session's own", path)
		}
	}
	t.Run("idle", check)
	t.Run("in a transaction", func(t *testing.T) {
		if _, err := conn.Exec(ctx, `BEGIN`); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `CREATE TABLE app.made_in_tx (x int)`); err != nil {
			t.Fatal(err)
		}
		check(t)
		// The caller's transaction is still open and still sees its work.
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM app.made_in_tx`).Scan(&n); err != nil {
			t.Fatalf("the caller's transaction after the reads: %v", err)
		}
		if _, err := conn.Exec(ctx, `ROLLBACK`); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := conn.Exec(ctx, `BEGIN; SELECT 1/0`); err == nil {
		t.Fatal("division by zero succeeded")
	}
	if _, err := Owners(ctx, conn); err == nil || err.Error() != "reading owners: the connection is in a failed transaction" {
		t.Errorf("Owners in a failed transaction: %v, want it refused", err)
	}
	if _, err := conn.Exec(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
}

// TestReadSettledEndsOnError: a query that fails leaves the connection as
// it found it: idle, or in the caller's transaction, which still works and
// still sees its own work.
func TestReadSettledEndsOnError(t *testing.T) {
	ctx := testContext(t)
	_, conn := newDatabase(t)
	bad := func() error {
		return ReadSettled(ctx, conn, `SELECT 1/0`, nil, func(pgx.Rows) error { return nil })
	}
	if err := bad(); err == nil || !strings.Contains(err.Error(), "division by zero") {
		t.Fatalf("ReadSettled of a failing query: %v, want division by zero", err)
	}
	if s := conn.PgConn().TxStatus(); s != 'I' {
		t.Fatalf("after a failed read the connection's status is %q, want idle", s)
	}
	if _, err := conn.Exec(ctx, `BEGIN; CREATE TABLE made_in_tx (x int)`); err != nil {
		t.Fatal(err)
	}
	if err := bad(); err == nil {
		t.Fatal("ReadSettled of a failing query in a transaction succeeded")
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM made_in_tx`).Scan(&n); err != nil {
		t.Fatalf("the caller's transaction after a failed read: %v", err)
	}
	var ro string
	if err := ReadSettledRow(ctx, conn, `SELECT current_setting('transaction_read_only')`, nil, &ro); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if err := ReadSettledRow(ctx, conn, `SELECT current_setting('transaction_read_only')`, nil, &ro); err != nil || ro != "on" {
		t.Errorf("an idle connection's read ran with transaction_read_only = %q (%v), want on", ro, err)
	}
	if err := ReadSettledRow(ctx, conn, `SELECT 1 WHERE false`, nil, &n); !errors.Is(err, pgx.ErrNoRows) {
		t.Errorf("ReadSettledRow of no row: %v, want pgx.ErrNoRows", err)
	}
}
