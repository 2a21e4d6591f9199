package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/filter"
)

// TestCheckReferences: a column type, a foreign key and a view naming a
// type or table that neither the files nor the database define are errors
// naming file:line:col; what the database has outside the files (an
// excluded table, an extension's or a built-in type, pg_catalog) is not.
// The database's public.unnest(integer[]) matches the lookup's integer
// array better than pg_catalog.unnest(anyarray): the lookup must not call
// it.
func TestCheckReferences(t *testing.T) {
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `CREATE TABLE audit_log (id int PRIMARY KEY);
CREATE TYPE mood AS ENUM ('ok');
CREATE FUNCTION public.unnest(integer[]) RETURNS SETOF integer LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'public.unnest was called'; END $$;`); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	f, err := filter.New(nil, []string{"public.audit_log"})
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, files string) error {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(files), 0o644); err != nil {
			t.Fatal(err)
		}
		local, err := LoadLocalScoped(dir, Scope{Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		remote, err := LoadRemoteScoped(ctx, conn, local, Scope{Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		return CheckReferences(ctx, conn, local.Parsed, remote)
	}

	t.Run("defined somewhere", func(t *testing.T) {
		err := check(t, `CREATE TYPE mood AS ENUM ('ok');
CREATE TYPE public.size AS ENUM ('s', 'm');
CREATE TABLE users (id int PRIMARY KEY, m public.mood, s public.size[], n numeric(8,2), audit_id int REFERENCES audit_log (id));
CREATE VIEW v AS SELECT u.id, a.id AS aid, c.relname FROM users u JOIN audit_log a ON a.id = u.audit_id CROSS JOIN pg_class c;
`)
		if err != nil {
			t.Fatalf("references to objects that exist were refused: %v", err)
		}
	})
	t.Run("defined nowhere", func(t *testing.T) {
		err := check(t, `CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE users (
    id int PRIMARY KEY,
    s public.nosuchtype,
    team_id int REFERENCES teams (id)
);
CREATE VIEW v AS SELECT id FROM nosuchtable;
`)
		var re *ReferenceError
		if !errors.As(err, &re) {
			t.Fatalf("want *ReferenceError, got %v", err)
		}
		msg := err.Error()
		for _, want := range []string{
			"schema.sql:4:5: column public.users.s refers to type public.nosuchtype, which neither the files nor the database define",
			"refers to relation public.teams",
			"view public.v refers to relation public.nosuchtable",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("error lacks %q:\n%s", want, msg)
			}
		}
	})
}
